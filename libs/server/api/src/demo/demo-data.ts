import { Attitude, Role } from '@cascade/contracts';

/** The demo password of every demo login (listed in the README). */
export const DEMO_PASSWORD = 'demo1234';

export const VENDOR = { name: '启航软件实施服务有限公司', kind: 'vendor' as const, industry: '企业软件实施' };
export const CLIENT = { name: '华东精密制造有限公司', kind: 'client' as const, industry: '精密零部件制造' };

export const DEPARTMENTS = [
  { key: 'purchasing', name: '采购部', manager: 'wang.qiang@huadong.demo' },
  { key: 'warehouse', name: '仓储部', manager: 'wang.qiang@huadong.demo' },
  { key: 'sales', name: '销售部', manager: 'chen.fang@huadong.demo' },
  { key: 'finance', name: '财务部', manager: 'chen.fang@huadong.demo' },
] as const;

export interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  department?: (typeof DEPARTMENTS)[number]['key'];
  isKeyUser?: boolean;
  attitude?: Attitude;
  locale?: 'zh-CN' | 'en';
}

export const VENDOR_USERS: DemoUser[] = [
  { email: 'admin@cascade.demo', name: '系统管理员', roles: ['admin'] },
  { email: 'li.ming@cascade.demo', name: '李明', roles: ['trainer'] },
  { email: 'zhao.jing@cascade.demo', name: '赵静', roles: ['trainer'], locale: 'en' },
];

export const CLIENT_USERS: DemoUser[] = [
  {
    email: 'wang.qiang@huadong.demo',
    name: '王强',
    roles: ['manager'],
    department: 'purchasing',
    attitude: 'supportive',
  },
  { email: 'chen.fang@huadong.demo', name: '陈芳', roles: ['manager'], department: 'finance', attitude: 'supportive' },
  {
    email: 'zhang.wei@huadong.demo',
    name: '张伟',
    roles: ['trainee'],
    department: 'purchasing',
    isKeyUser: true,
    attitude: 'supportive',
  },
  {
    email: 'liu.yang@huadong.demo',
    name: '刘洋',
    roles: ['trainee'],
    department: 'warehouse',
    isKeyUser: true,
    attitude: 'supportive',
  },
  {
    email: 'sun.li@huadong.demo',
    name: '孙丽',
    roles: ['trainee'],
    department: 'sales',
    isKeyUser: true,
    attitude: 'wait_and_see',
  },
  {
    email: 'zhou.min@huadong.demo',
    name: '周敏',
    roles: ['trainee'],
    department: 'finance',
    isKeyUser: true,
    attitude: 'supportive',
  },
  {
    email: 'wu.gang@huadong.demo',
    name: '吴刚',
    roles: ['trainee'],
    department: 'purchasing',
    attitude: 'wait_and_see',
  },
  {
    email: 'zheng.hua@huadong.demo',
    name: '郑华',
    roles: ['trainee'],
    department: 'purchasing',
    attitude: 'resistant',
  },
  {
    email: 'huang.lei@huadong.demo',
    name: '黄磊',
    roles: ['trainee'],
    department: 'warehouse',
    attitude: 'supportive',
  },
  {
    email: 'xu.jing@huadong.demo',
    name: '徐静',
    roles: ['trainee'],
    department: 'warehouse',
    attitude: 'wait_and_see',
  },
  { email: 'ma.chao@huadong.demo', name: '马超', roles: ['trainee'], department: 'sales', attitude: 'resistant' },
  { email: 'zhu.ting@huadong.demo', name: '朱婷', roles: ['trainee'], department: 'sales', attitude: 'supportive' },
  { email: 'hu.bin@huadong.demo', name: '胡斌', roles: ['trainee'], department: 'finance', attitude: 'wait_and_see' },
  {
    email: 'he.jun@huadong.demo',
    name: '何军',
    roles: ['trainee'],
    department: 'purchasing',
    attitude: 'supportive',
  },
  { email: 'lin.na@huadong.demo', name: '林娜', roles: ['trainee'], department: 'purchasing', attitude: 'supportive' },
  {
    email: 'gao.feng@huadong.demo',
    name: '高峰',
    roles: ['trainee'],
    department: 'purchasing',
    attitude: 'wait_and_see',
  },
  {
    email: 'guo.xin@huadong.demo',
    name: '郭欣',
    roles: ['trainee'],
    department: 'finance',
    attitude: 'supportive',
    locale: 'en',
  },
];
