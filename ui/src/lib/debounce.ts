/** Calls `run` once `ms` have passed without another call; `flush` runs it now. */
export function debounce(run: () => void, ms: number): { (): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, ms);
  };
  call.flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      run();
    }
  };
  call.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return call;
}
