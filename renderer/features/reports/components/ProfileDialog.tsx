import { useState } from 'react';
import { createOfficeProfile, markSubmitted, type OfficeProfileReason } from '../../../../shared/domain/settings/office-profile';
import { useI18n, type MessageKey } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { CheckboxField, NumberField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { reportsState, saveProfile } from '../reports-state';
import { useChinaToday } from '../use-today';

const REASONS: Partial<Record<OfficeProfileReason, MessageKey>> = {
  badDueDay: 'reports.profile.reason.badDueDay',
  badRemindDays: 'reports.profile.reason.badRemindDays',
  nameTooLong: 'reports.profile.reason.nameTooLong',
};

/** 单位与报表设置: the office's name, this machine's user, the monthly report's due day and reminder, 已报送. */
export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { profile } = useStore(reportsState);
  const month = useChinaToday().slice(0, 7);
  const [officeName, setOfficeName] = useState(profile.officeName);
  const [userName, setUserName] = useState(profile.userName);
  const [dueDay, setDueDay] = useState<number | null>(profile.dueDay);
  const [remind, setRemind] = useState<number | null>(profile.remindDaysBefore);
  const [submitted, setSubmittedBox] = useState(profile.submittedMonths.includes(month));
  const [error, setError] = useState<{ path: string; text: string } | null>(null);

  const save = async () => {
    const r = createOfficeProfile({
      officeName,
      userName,
      dueDay: dueDay ?? NaN,
      remindDaysBefore: remind ?? NaN,
      submittedMonths: profile.submittedMonths,
    });
    if (!r.ok) {
      const key = REASONS[r.reason];
      return setError({ path: r.path ?? '', text: key ? t(key) : t('reports.profile.reason.other', { reason: r.reason }) });
    }
    await saveProfile(markSubmitted(r.value, month, submitted));
    wb.notices.push('info', t('reports.profile.saved'));
    onClose();
  };
  const errorAt = (path: string) => (error?.path === path ? error.text : null);

  return (
    <Dialog
      title={t('reports.profile.title')}
      onClose={onClose}
      testId="reports-profile-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn primary" onClick={() => void save()} data-testid="reports-profile-save">
            {t('reports.profile.save')}
          </button>
        </>
      }
    >
      <form
        style={{ display: 'grid', gap: 8 }}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          label={t('reports.profile.office')}
          hint={t('reports.profile.office.hint')}
          value={officeName}
          onChange={setOfficeName}
          error={errorAt('officeName')}
          maxLength={60}
          testId="reports-office-name"
        />
        <TextField
          label={t('reports.profile.user')}
          hint={t('reports.profile.user.hint')}
          value={userName}
          onChange={setUserName}
          error={errorAt('userName')}
          maxLength={60}
          testId="reports-user-name"
        />
        <NumberField
          label={t('reports.profile.dueDay')}
          layout="inline"
          unit={t('reports.profile.dueDay.unit')}
          integer
          min={1}
          max={28}
          value={dueDay}
          onChange={setDueDay}
          error={errorAt('dueDay')}
          testId="reports-due-day"
        />
        <NumberField
          label={t('reports.profile.remind')}
          layout="inline"
          unit={t('reports.profile.remind.unit')}
          integer
          min={0}
          max={27}
          value={remind}
          onChange={setRemind}
          error={errorAt('remindDaysBefore')}
          testId="reports-remind-days"
        />
        <CheckboxField label={t('reports.profile.submitted', { month })} checked={submitted} onChange={setSubmittedBox} testId="reports-submitted" />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
