import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, apiFile, saveFile } from '../api/client';
import type { SubjectRecordView } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { ObjectionHowTo } from '../shared/Objections';
import { SubjectRecord } from '../shared/SubjectRecord';
import { useApi, useErrorText } from '../shared/use-api';

/** `/subjects/:id`: a subject's public credit record and its report. */
export function SubjectPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const view = useApi((signal) => api<SubjectRecordView>(`/public/subjects/${id}`, { signal }), [id]);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      const file = await apiFile(`/public/subjects/${id}/report`, `信用报告-${id}.pdf`, { method: 'POST' });
      const number = file.headers.get('x-report-number');
      if (number && !file.headers.get('content-disposition')) file.fileName = `信用报告-${number}.pdf`;
      saveFile(file);
      void message.success(t('subject.reportReady', { number: number ?? '' }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <div className="portal-main">
      {view.error ? (
        <ErrorState error={view.error} onRetry={view.reload} notFoundTitle={t('subject.notFound')} page />
      ) : !view.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <SubjectRecord
            view={view.data}
            actions={
              <Button type="primary" icon={<FilePdfOutlined />} loading={downloading} onClick={() => void download()}>
                {t('subject.downloadReport')}
              </Button>
            }
          />
          <ObjectionHowTo />
        </>
      )}
    </div>
  );
}
