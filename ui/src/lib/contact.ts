// Checks as you type; the Rust validation has the last word (same rules).

export function looksLikeEmail(text: string): boolean {
  const t = text.trim();
  const at = t.indexOf("@");
  if (at <= 0 || at !== t.lastIndexOf("@")) return false;
  const domain = t.slice(at + 1);
  return /^[^\s.@][^\s@]*\.[^\s.@]+$/.test(domain) && !domain.includes("..") && !/[\s<>()[\],;:"]/.test(t);
}

export function looksLikePhone(text: string): boolean {
  const t = text.trim();
  const digits = (t.match(/\d/g) ?? []).length;
  const body = t.replace(/^\+/, "").split(/ ext\.? | x/)[0];
  return digits >= 6 && /^[\d \-().\u00a0/]+$/.test(body);
}
