// The desk's live feed: server-sent `desk` events. EventSource reconnects by itself after a
// dropped connection, but gives up on an error answer (e.g. 401), so then it is reopened later.
/* global EventSource, setTimeout, clearTimeout */

const retryAfterClosedMs = 5000;

/** Calls `onEvent` with each event's data and `onState` with 'open' or 'reconnecting'; returns a stop function. */
export function watchDesk(onEvent, onState) {
  let source = null;
  let retry = null;
  const open = () => {
    source = new EventSource('/api/events');
    source.addEventListener('open', () => onState('open'));
    source.addEventListener('desk', (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch {
        return; // a malformed event is skipped; the next one refetches anyway
      }
      onEvent(data);
    });
    source.addEventListener('error', () => {
      onState('reconnecting');
      if (source.readyState === EventSource.CLOSED) retry = setTimeout(open, retryAfterClosedMs);
    });
  };
  open();
  return () => {
    clearTimeout(retry);
    source?.close();
  };
}
