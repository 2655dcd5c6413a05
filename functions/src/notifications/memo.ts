/** Loads each id once, on its first call: later calls share that call's promise. */
export const memoById = <T>(load: (id: string) => Promise<T>) => {
  const loaded = new Map<string, Promise<T>>();
  return (id: string): Promise<T> => {
    let value = loaded.get(id);
    if (!value) {
      value = load(id);
      loaded.set(id, value);
    }
    return value;
  };
};

/** Loads once, on the first call: later calls share that call's promise. */
export const memoOnce = <T>(load: () => Promise<T>) => {
  let value: Promise<T> | null = null;
  return () => {
    value ??= load();
    return value;
  };
};
