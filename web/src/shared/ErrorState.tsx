import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useErrorText } from './use-api';

/**
 * An error from the API shown with its message. With `page` (the page's own subject failed to load),
 * 404 and 403 become a full "not found" / "forbidden" page; otherwise an inline alert.
 */
export function ErrorState({
  error,
  onRetry,
  notFoundTitle,
  home = '/',
  page = false,
}: {
  error: unknown;
  onRetry?: () => void;
  notFoundTitle?: string;
  home?: string;
  page?: boolean;
}) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (page && error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <Result
        status={error.status === 404 ? '404' : '403'}
        title={error.status === 404 ? (notFoundTitle ?? t('common.notFound')) : t('admin.forbidden')}
        subTitle={text(error)}
        extra={
          <Link to={home}>
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={text(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/** A page that does not exist. */
export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFoundHint')}
      extra={
        <Link to={home}>
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
