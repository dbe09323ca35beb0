import { isEmail, isLandline, isMobile, isPhone } from '../../src/domain/contact';

describe('phone numbers', () => {
  it.each([
    '13812345678',
    '199 1234 5678',
    '138-1234-5678',
    '+8613812345678',
    '+86 138 1234 5678',
    '+86-13812345678',
    '8613812345678',
    '１３８１２３４５６７８',
  ])('mobile %s', (t) => {
    expect(isMobile(t)).toBe(true);
    expect(isPhone(t)).toBe(true);
  });

  it.each([
    '010-62345678',
    '01062345678',
    '0755-86543210',
    '0591-8765432',
    '0755 8654 3210',
    '(010) 62345678',
    '（010）62345678',
    '010-62345678-123',
    '010-62345678转123',
    '010-62345678 转 8001',
    '010-62345678 ext 123',
    '010-62345678 ext. 123',
    '010-62345678x12',
    '0571-8888-6666',
    '+86 10 62345678',
    '+86-755-86543210',
    '+86 010 62345678',
  ])('landline %s', (t) => {
    expect(isLandline(t)).toBe(true);
    expect(isPhone(t)).toBe(true);
  });

  it.each([
    ['too short', '123'],
    ['mobile with 10 digits', '1381234567'],
    ['mobile with 12 digits', '138123456789'],
    ['mobile prefix 12', '12812345678'],
    ['landline without area code', '62345678'],
    ['area code without 0', '10-62345678'],
    ['local number starting with 1', '010-12345678'],
    ['local number of 6 digits', '010-623456'],
    ['local number of 9 digits', '010-623456789'],
    ['letters', 'abc'],
    ['formula-looking', '=13812345678'],
    ['slash separator', '010/62345678'],
    ['extension without number', '010-62345678 转'],
    ['two numbers', '13812345678 13912345678'],
    ['empty', ''],
  ])('%s is not a phone number', (_label, t) => {
    expect(isPhone(t)).toBe(false);
  });
});

describe('email addresses', () => {
  it.each(['li.ming@example.com', 'a+b@sub.example.com.cn', 'WANG@EXAMPLE.CN', ' x_y-z@mail.example.org ', 'user@例子.中国', 'ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ'])(
    '%s is an email address',
    (t) => expect(isEmail(t)).toBe(true),
  );

  it.each([
    ['no @', 'li.example.com'],
    ['no domain dot', 'li@example'],
    ['two @', 'li@@example.com'],
    ['space inside', 'li ming@example.com'],
    ['leading dot', '.li@example.com'],
    ['double dot', 'li..ming@example.com'],
    ['domain starts with hyphen', 'li@-example.com'],
    ['numeric top-level label', 'li@example.123'],
    ['empty local part', '@example.com'],
    ['trailing dot', 'li@example.com.'],
    ['local part over 64', `${'a'.repeat(65)}@example.com`],
    ['empty', ''],
  ])('%s is not an email address', (_label, t) => {
    expect(isEmail(t)).toBe(false);
  });
});
