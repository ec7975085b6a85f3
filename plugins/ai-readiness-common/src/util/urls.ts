// An absolute http(s) URL with a host, and no whitespace or control characters
// anywhere (browsers strip tabs and newlines, which lets "java\tscript:" through
// naive prefix tests; here nothing but a literal http(s) scheme can pass). One
// pass: every character after the scheme is in a class that excludes both.
const SAFE_HTTP_URL =
  // eslint-disable-next-line no-control-regex
  /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f/?#@]+(?:@[^\s\u0000-\u001f\u007f-\u009f/?#@]+)?(?:[/?#][^\s\u0000-\u001f\u007f-\u009f]*)?$/i;

/** True only for absolute http: and https: URLs: anything else is never a link. @public */
export function isSafeHttpUrl(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length <= 4096 &&
    SAFE_HTTP_URL.test(value)
  );
}
