/** The encodings the tabs' build writes beside each file (`<file>.br`, `<file>.gz`), best first. */
export const PRECOMPRESSED = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

/**
 * Whether an `Accept-Encoding` header (RFC 9110 §12.5.3) takes `encoding`: named or `*`, with a
 * quality above zero (`br;q=0` refuses brotli). No header means only the identity encoding.
 */
export const acceptsEncoding = (header: string | null | undefined, encoding: string): boolean => {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(",")) {
    const [token = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const quality = params.find((param) => param.startsWith("q="));
    const accepted = quality === undefined || Number(quality.slice(2)) > 0;
    if (token === encoding) return accepted;
    if (token === "*") wildcard = accepted;
  }
  return wildcard;
};
