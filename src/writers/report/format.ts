/** Display formatting of exact decimal strings; string work only, so no float ever touches a figure. */

/** "3407700" → "3,407,700"; "-1914923.1" → "-1,914,923.1". Non-decimals are returned unchanged. */
export function groupThousands(decimal: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (!m) return decimal;
  const int = (m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${m[1] ?? ""}${int}${m[3] ?? ""}`;
}

/** A money value in 元 for people: grouped digits and the unit. */
export function formatYuan(yuan: string): string {
  return `${groupThousands(yuan)} 元`;
}
