import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A console page the user's roles do not allow. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('admin.forbidden')}
      subTitle={t('admin.forbiddenHint')}
      extra={
        <Link to="/admin">
          <Button type="primary">{t('common.back')}</Button>
        </Link>
      }
    />
  );
}
