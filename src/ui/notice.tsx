/** The line under a form that says how it went: a status when it worked, an alert when not. */
export interface NoticeState {
  ok: boolean;
  text: string;
}

export function Notice({ notice }: { notice: NoticeState | null }) {
  if (!notice) return null;
  return (
    <p role={notice.ok ? 'status' : 'alert'} class={notice.ok ? '' : 'error'}>
      {notice.text}
    </p>
  );
}

/** Why a form did not go through, when it did not: an alert, read out as it appears. */
export function ErrorLine({ error }: { error: string | null }) {
  return <Notice notice={error === null ? null : { ok: false, text: error }} />;
}
