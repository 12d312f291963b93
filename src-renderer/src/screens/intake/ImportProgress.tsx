import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { busyStore } from '../../api/client';
import { ProgressBar } from '../../components/Feedback';

/** Main's counts for the running import: a determinate bar with the step and an estimate of the time left. */
export function ImportProgress({ label }: { label: string }) {
  const progress = useSyncExternalStore(busyStore.subscribe, busyStore.get).progress;
  const started = useRef<{ step: string | undefined; at: number; done: number } | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const ticker = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(ticker);
  }, []);
  const step = progress?.step;
  if (progress && (started.current === null || started.current.step !== step)) started.current = { step, at: Date.now(), done: progress.done };
  const estimate = useMemo(() => {
    const begin = started.current;
    if (!progress || !begin || progress.total === null || progress.done <= begin.done) return undefined;
    const rate = (progress.done - begin.done) / Math.max(1, now - begin.at);
    const seconds = Math.ceil((progress.total - progress.done) / rate / 1000);
    return seconds <= 1 ? 'about a second left' : seconds < 90 ? `about ${seconds} seconds left` : `about ${Math.round(seconds / 60)} minutes left`;
  }, [progress, now]);
  const counts = progress?.step && progress.total !== null ? `${progress.step}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}` : progress?.step;
  return (
    <ProgressBar
      label={label}
      detail={[counts, estimate].filter(Boolean).join(', ') || undefined}
      value={progress?.step ? progress.done : undefined}
      max={progress?.step ? progress.total : undefined}
    />
  );
}
