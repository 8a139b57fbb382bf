import type { PatrolRule } from '../../../../shared/domain/patrol/rule';
import { useI18n } from '../../../i18n';
import { ruleLabel } from '../rule-form.logic';

/**
 * A rule as the office reads it: its line ("乡镇国土所 每周至少 2 次") and, when it differs, the office's own name
 * (`compact`: the name as the line's tooltip only, for a list of ticks in the narrow panel).
 */
export function RuleLine({ rule, compact }: { rule: PatrolRule; compact?: boolean }) {
  const { t } = useI18n();
  const label = ruleLabel(rule, t);
  return (
    <span data-testid="compliance-rule-label" title={rule.name}>
      <strong>{label}</strong>
      {!compact && rule.name !== label && <span className="muted"> · {rule.name}</span>}
    </span>
  );
}
