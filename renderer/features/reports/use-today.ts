import { useEffect, useState } from 'react';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { chinaToday } from './reports.logic';

/** Today in China time, checked again every minute (a workstation left open over midnight moves on). */
export function useChinaToday(): DateKey {
  const [today, setToday] = useState(() => chinaToday(Date.now()));
  useEffect(() => {
    const id = setInterval(() => setToday(chinaToday(Date.now())), 60_000);
    return () => clearInterval(id);
  }, []);
  return today;
}
