import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

/** 中文 / EN switch. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('common.language')}
      value={i18n.language === 'en' ? 'en' : 'zh'}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(value) => setLanguage(value)}
    />
  );
}
