import { useI18n } from '../../../i18n';
import { Select, SelectField } from '../../../ui/fields';
import { SURVEY_METHODS, type SurveyMethod } from '../../../../shared/formats/survey/types';

const NONE = 'none';

/** 测量方法: RTK / GNSS手持机 / 全站仪 / 皮尺 / 图上量取, or 未注明. `bare`: a table cell's select (no label row). */
export function MethodSelect({
  value,
  onChange,
  testId,
  label,
  bare,
  disabled,
}: {
  value: SurveyMethod | null;
  onChange: (m: SurveyMethod | null) => void;
  testId: string;
  label: string;
  bare?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const options = [
    { value: NONE, label: t('survey.method.none') },
    ...SURVEY_METHODS.map((m) => ({ value: m as string, label: t(`survey.method.${m}`) })),
  ];
  const change = (v: string) => onChange(v === NONE ? null : (v as SurveyMethod));
  if (bare) return <Select<string> options={options} value={value ?? NONE} onChange={change} testId={testId} title={label} disabled={disabled} />;
  return <SelectField<string> label={label} options={options} value={value ?? NONE} onChange={change} testId={testId} disabled={disabled} />;
}
