/** Whether `work` settled (resolved or rejected) within `ms`; it is not cancelled either way. */
export function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void work.then(() => true, () => true).then((settled) => {
      clearTimeout(timer);
      resolve(settled);
    });
  });
}
