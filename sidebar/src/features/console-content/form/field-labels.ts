// Names for paths that may come back without a field on screen (e.g. a strict schema's unexpected key).
const LABELS: Record<string, string> = {
  body: '表单',
  'body.scope': '范围',
  'body.categoryId': '分类',
  'body.title': '标题',
  'body.content': '内容',
  'body.keywords': '关键词',
  'body.stages': '适用阶段',
  'body.tagIds': '标签',
  'body.expectedVersion': '版本',
  'body.name': '名称',
  'body.layers': '图层',
  query: '查询条件',
};

/** "标题" for `body.title`; the raw path when there is no better name, so the admin can still report it. */
export function fieldLabel(field: string): string {
  return LABELS[field] ?? (field === '' ? '请求' : field);
}
