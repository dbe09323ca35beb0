import { col } from './columns';
import { defineTable } from './table';

/** Key/value settings; the reader uses the key, the label is for people. */
export const Settings = defineTable('Settings', '设置', [
  col.text('key', '代码', 'Key', { required: true, unique: true, width: 22 }),
  col.text('label', '说明', 'Label', { width: 36 }),
  col.text('value', '值', 'Value', { needed: true, width: 60 }),
] as const, 'key');
