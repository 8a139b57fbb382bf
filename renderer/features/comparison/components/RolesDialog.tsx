/**
 * 套合图层角色: which stored layer plays which role (永久基本农田 / 三调地类 / 国土空间规划 / 报批 / 供地), grouped by which
 * field, and what each planning zone says (允许 / 有条件 / 禁止建设). Opened with the guess (or the office's saved
 * choice); 保存 stores it once for the office.
 */
import { useMemo, useState } from 'react';
import { COMPARISON_ROLES, type ComparisonRole, type PlanningVerdict, type RoleAssignment } from '../../../../shared/domain/inspection/comparison';
import { PLANNING_VERDICTS } from '../../../../shared/domain/inspection/comparison-roles';
import type { LayerRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { Select, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { rolesState, saveRoles } from '../comparison-state';

const NONE = '';

export function RolesDialog({ layers, onClose }: { layers: LayerRecord[]; onClose: () => void }) {
  const { t } = useI18n();
  const state = useStore(rolesState);
  const polygons = useMemo(() => layers.filter((l) => l.meta.geometryKind === 'polygon'), [layers]);
  const [roles, setRoles] = useState<RoleAssignment[]>(state?.roles.roles ?? []);
  const [verdicts, setVerdicts] = useState<[string, PlanningVerdict][]>(Object.entries(state?.roles.verdicts ?? {}));
  const [newZone, setNewZone] = useState('');
  const [error, setError] = useState<string | null>(null);

  const setLayer = (role: ComparisonRole, layerId: string) => {
    const l = polygons.find((x) => x.id === layerId);
    setRoles((rs) => {
      const rest = rs.filter((r) => r.role !== role);
      if (!l) return rest;
      const old = rs.find((r) => r.role === role);
      const fields = l.meta.fields.map((f) => f.name);
      const groupField = old && old.layerId === l.id ? old.groupField : old?.groupField && fields.includes(old.groupField) ? old.groupField : null;
      return [...rest, { role, layerId: l.id, layerName: l.name, groupField }];
    });
  };
  const setField = (role: ComparisonRole, field: string) =>
    setRoles((rs) => rs.map((r) => (r.role === role ? { ...r, groupField: field === NONE ? null : field } : r)));

  const onSave = async () => {
    const why = await saveRoles({ roles, verdicts: Object.fromEntries(verdicts.filter(([n]) => n.trim() !== '')) });
    if (why) setError(t('comparison.rolesRefused', { reason: why }));
    else onClose();
  };

  const verdictOptions = PLANNING_VERDICTS.map((v) => ({ value: v, label: t(`comparison.verdict.${v}`) }));
  return (
    <Dialog
      title={t('comparison.rolesTitle')}
      onClose={onClose}
      wide
      testId="comparison-roles-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn primary" data-testid="comparison-roles-save" onClick={() => void onSave()}>
            {t('comparison.rolesSave')}
          </button>
        </>
      }
    >
      {!state?.saved && <p className="msg info">{t('comparison.rolesGuessHint')}</p>}
      <table className="grid small">
        <thead>
          <tr>
            <th>{t('comparison.rolesCol.role')}</th>
            <th>{t('comparison.rolesCol.layer')}</th>
            <th>{t('comparison.rolesCol.field')}</th>
          </tr>
        </thead>
        <tbody>
          {COMPARISON_ROLES.map((role) => {
            const a = roles.find((r) => r.role === role);
            const l = a ? polygons.find((x) => x.id === a.layerId) : undefined;
            return (
              <tr key={role} data-role={role}>
                <td>{t(`comparison.role.${role}`)}</td>
                <td>
                  <Select
                    title={t(`comparison.role.${role}`)}
                    testId={`comparison-role-${role}`}
                    value={a?.layerId ?? NONE}
                    onChange={(v) => setLayer(role, v)}
                    options={[{ value: NONE, label: t('comparison.rolesNone') }, ...polygons.map((x) => ({ value: x.id, label: x.name }))]}
                  />
                  {a && !l && <span className="msg error small">{t('comparison.rolesMissing', { name: a.layerName })}</span>}
                </td>
                <td>
                  <Select
                    title={t('comparison.rolesCol.field')}
                    testId={`comparison-field-${role}`}
                    disabled={!a}
                    value={a?.groupField ?? NONE}
                    onChange={(v) => setField(role, v)}
                    options={[
                      { value: NONE, label: t('comparison.rolesNoField') },
                      ...(l?.meta.fields ?? []).map((f) => ({ value: f.name, label: f.name })),
                    ]}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('comparison.verdictsTitle')}</h4>
      <p className="muted small">{t('comparison.verdictsHint')}</p>
      <div className="comparison-verdicts" style={{ maxHeight: '14em', overflowY: 'auto' }}>
        <table className="grid small" data-testid="comparison-verdicts">
          <tbody>
            {verdicts.map(([name, v], i) => (
              <tr key={name}>
                <td>{name}</td>
                <td>
                  <Select
                    title={name}
                    value={v}
                    options={verdictOptions}
                    onChange={(nv) => setVerdicts((vs) => vs.map((x, k) => (k === i ? [x[0], nv] : x)))}
                  />
                </td>
                <td>
                  <button className="btn small" onClick={() => setVerdicts((vs) => vs.filter((_, k) => k !== i))}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row gap">
        <TextField label={t('comparison.verdictsNew')} value={newZone} onChange={setNewZone} />
        <button
          className="btn"
          disabled={newZone.trim() === '' || verdicts.some(([n]) => n === newZone.trim())}
          onClick={() => {
            setVerdicts((vs) => [...vs, [newZone.trim(), 'forbidden']]);
            setNewZone('');
          }}
        >
          {t('comparison.verdictsAdd')}
        </button>
      </div>
      {error && <p className="msg error">{error}</p>}
    </Dialog>
  );
}
