import { Locale, NotificationKind } from '@cascade/contracts';

type Template = (vars: Record<string, string>) => { title: string; body: string };

/** Notification texts in each recipient's own language. */
export const MESSAGES: Record<NotificationKind, Record<Locale, Template>> = {
  welcome: {
    'zh-CN': ({ name }) => ({
      title: '欢迎使用 Cascade',
      body: `${name}，您好！您的账号已开通。培训计划、签到、考试和成绩都会在这里通知您。`,
    }),
    en: ({ name }) => ({
      title: 'Welcome to Cascade',
      body: `Hello ${name}, your account is ready. Training plans, sign-ins, exams and results will reach you here.`,
    }),
  },
};
