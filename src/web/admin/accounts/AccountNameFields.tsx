import { Form, Input } from 'antd';
import { Username } from '../../../domain/schemas/accounts.js';
import { zodValidator } from '../../shared/validation.js';

/** 用户名 and 姓名/称呼, the same in the township's and the county's new-account forms. */
export function AccountNameFields() {
  return (
    <>
      <Form.Item name="username" label="用户名" extra="3–32 位小写字母、数字、下划线、点或连字符" rules={[{ validator: zodValidator(Username) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label="姓名/称呼" rules={[{ required: true, whitespace: true, message: '请填写姓名或称呼' }]}>
        <Input maxLength={40} />
      </Form.Item>
    </>
  );
}
