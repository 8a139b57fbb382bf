import type { PatrolRule } from '../../../../shared/domain/patrol/rule';
import { useI18n } from '../../../i18n';
import { ruleLabel } from '../rule-form.logic';

/** A rule as the office reads it: its line ("乡镇国土所 每周至少 2 次") and, when it differs, the office's own name. */
export function RuleLine({ rule }: { rule: PatrolRule }) {
  const { t } = useI18n();
  const label = ruleLabel(rule, t);
  return (
    <span data-testid="compliance-rule-label">
      <strong>{label}</strong>
      {rule.name !== label && <span className="muted"> · {rule.name}</span>}
    </span>
  );
}
