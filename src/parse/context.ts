/** What a reader knows besides the JSON: where it is (for messages) and where a dropped item is reported. */
export interface ParseContext {
  /** The JSON path of the entity being read, e.g. `props.pageProps.state.data.entity`. */
  path: string;
  /** The page or answer, as messages name it. */
  url: string;
  /** Reports an item that was skipped (a row without a uri): the client passes it to `onWarning`. */
  warn: (message: string) => void;
}
