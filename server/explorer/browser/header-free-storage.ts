/** The part of the Web Storage API GraphiQL uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  clear(): void;
  readonly length: number;
}

/** Keys whose JSON holds request headers: the history, the favourites and the tabs. */
const HEADER_CARRIERS = /(?:^|:)(?:queries|favorites|tabState)$/;
/** The header editor's own key; GraphiQL writes it only when headers are to be persisted. */
const HEADER_EDITOR = /(?:^|:)headers$/;
const PERSIST_SETTING = /(?:^|:)shouldPersistHeaders$/;

/**
 * Wraps GraphiQL's storage so that no request header (a token typed into the header
 * editor) ever reaches it. `shouldPersistHeaders={false}` is not enough: GraphiQL 5's
 * history plugin stores each run's headers with the query in `queries`.
 */
export function headerFreeStorage(storage: StorageLike): StorageLike {
  return {
    getItem: (key) => storage.getItem(key),
    setItem(key, value) {
      if (HEADER_EDITOR.test(key)) return storage.setItem(key, "");
      if (PERSIST_SETTING.test(key)) return storage.setItem(key, "false");
      storage.setItem(key, HEADER_CARRIERS.test(key) ? withoutHeaders(value) : value);
    },
    removeItem: (key) => storage.removeItem(key),
    clear: () => storage.clear(),
    get length() {
      return storage.length;
    },
  };
}

/** The JSON `value` with every `headers` property left out; what is not JSON is kept as it is. */
export function withoutHeaders(value: string): string {
  try {
    return JSON.stringify(JSON.parse(value), (name, item: unknown) => (name === "headers" ? undefined : item));
  } catch {
    return value;
  }
}
