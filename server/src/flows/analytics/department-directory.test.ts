import { DepartmentDirectory } from './department-directory';

describe('DepartmentDirectory', () => {
  it('reads WeCom once per ten minutes', async () => {
    let now = 0;
    const listDepartments = jest.fn().mockResolvedValue([{ id: 2, name: '销售一部' }]);
    const directory = new DepartmentDirectory({ wecom: { listDepartments }, log: { warn: jest.fn() }, now: () => now });
    expect(await directory.nameOf(2)).toBe('销售一部');
    now += 9 * 60_000;
    expect(await directory.nameOf(2)).toBe('销售一部');
    expect(listDepartments).toHaveBeenCalledTimes(1);
    now += 2 * 60_000;
    await directory.all();
    expect(listDepartments).toHaveBeenCalledTimes(2);
  });

  it('names departments by id while WeCom cannot be read, and tries again a minute later', async () => {
    let now = 0;
    const listDepartments = jest.fn().mockRejectedValueOnce(new Error('upstream down')).mockResolvedValue([{ id: 3, name: '销售二部' }]);
    const warn = jest.fn();
    const directory = new DepartmentDirectory({ wecom: { listDepartments }, log: { warn }, now: () => now });
    expect(await directory.nameOf(3)).toBe('部门 3');
    expect(await directory.nameOf(0)).toBe('未分配销售');
    expect(warn).toHaveBeenCalledTimes(1);
    now += 61_000;
    expect(await directory.nameOf(3)).toBe('销售二部');
  });
});
