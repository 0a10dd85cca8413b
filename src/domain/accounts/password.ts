/**
 * Password complexity for level-3 systems (等保2.0): at least 8 characters from at least three of
 * upper case, lower case, digits and symbols, not containing the user name.
 */
export function checkPasswordStrength(password: string, username = ''): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
