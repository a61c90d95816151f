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
  session_enrolled: {
    'zh-CN': ({ title, when, place }) => ({
      title: `培训安排：${title}`,
      body: `您已报名参加「${title}」，时间 ${when}，地点 ${place}。`,
    }),
    en: ({ title, when, place }) => ({
      title: `Training scheduled: ${title}`,
      body: `You are enrolled in "${title}" on ${when} at ${place}.`,
    }),
  },
  session_rescheduled: {
    'zh-CN': ({ title, when, place }) => ({
      title: `培训时间变更：${title}`,
      body: `「${title}」已调整为 ${when}，地点 ${place}。`,
    }),
    en: ({ title, when, place }) => ({
      title: `Training changed: ${title}`,
      body: `"${title}" now takes place on ${when} at ${place}.`,
    }),
  },
  exam_result: {
    // outcome: passed | failed, or after_close / withheld when the exam keeps scores back.
    'zh-CN': ({ title, percent, outcome }) => ({
      title: `考试成绩：${title}`,
      body:
        outcome === 'after_close'
          ? `您的「${title}」已评分完毕，成绩将在考试结束后公布。`
          : outcome === 'withheld'
            ? `您的「${title}」已评分完毕。`
            : `您的「${title}」成绩为 ${percent}%，${outcome === 'passed' ? '已通过' : '未通过'}。`,
    }),
    en: ({ title, percent, outcome }) => ({
      title: `Exam result: ${title}`,
      body:
        outcome === 'after_close'
          ? `"${title}" has been graded; results are shown once the exam closes.`
          : outcome === 'withheld'
            ? `"${title}" has been graded.`
            : `You scored ${percent}% on "${title}" and ${outcome === 'passed' ? 'passed' : 'did not pass'}.`,
    }),
  },
  session_cancelled: {
    'zh-CN': ({ title, when, reason }) => ({
      title: `培训取消：${title}`,
      body: `原定 ${when} 的「${title}」已取消。原因：${reason}`,
    }),
    en: ({ title, when, reason }) => ({
      title: `Training cancelled: ${title}`,
      body: `"${title}" on ${when} is cancelled. Reason: ${reason}`,
    }),
  },
  exam_assigned: {
    'zh-CN': ({ title, opens, closes }) => ({
      title: `新考试：${title}`,
      body: `您有一场考试「${title}」，开放时间 ${opens} 至 ${closes}。`,
    }),
    en: ({ title, opens, closes }) => ({
      title: `Exam assigned: ${title}`,
      body: `You are assigned "${title}", open from ${opens} to ${closes}.`,
    }),
  },
  feedback_requested: {
    // reminder: '' for the request itself, '1' or '2' for the reminders.
    'zh-CN': ({ title, when, reminder }) => ({
      title: `${reminder ? '提醒：' : ''}请评价培训：${title}`,
      body: `感谢您参加 ${when} 的「${title}」。请花几分钟填写培训反馈，帮助我们改进培训。`,
    }),
    en: ({ title, when, reminder }) => ({
      title: `${reminder ? 'Reminder: ' : ''}Your feedback on ${title}`,
      body: `Thank you for attending "${title}" on ${when}. Please take a few minutes to rate the training.`,
    }),
  },
  webhook_disabled: {
    'zh-CN': ({ url, failures }) => ({
      title: 'Webhook 已停用',
      body: `发往 ${url} 的 Webhook 连续 ${failures} 次投递均失败，已被停用。请检查接收端，然后在 Webhook 设置中重新启用。`,
    }),
    en: ({ url, failures }) => ({
      title: 'Webhook disabled',
      body: `The webhook to ${url} failed ${failures} deliveries in a row and has been disabled. Check the receiver, then enable it again in the webhook settings.`,
    }),
  },
  results_digest: {
    // The lines are composed per language by the results loop: names or counts as the client's policy says.
    'zh-CN': ({ exam, department, participation, passRate, average, excellent, improved, others }) => ({
      title: `部门成绩摘要：${exam}（${department}）`,
      body: `参加 ${participation}，通过率 ${passRate}，平均成绩 ${average}。${excellent}${improved}其他 ${others} 人。`,
    }),
    en: ({ exam, department, participation, passRate, average, excellent, improved, others }) => ({
      title: `Department results: ${exam} (${department})`,
      body: `Took part: ${participation}; pass rate ${passRate}; average ${average}. ${excellent}${improved}Everyone else: ${others}.`,
    }),
  },
  results_follow_up: {
    'zh-CN': ({ exam, department, failed, absent }) => ({
      title: `跟进名单：${exam}（${department}）`,
      body: `未通过：${failed}。缺考：${absent}。此名单仅供培训讲师和部门经理跟进辅导，请勿转发。`,
    }),
    en: ({ exam, department, failed, absent }) => ({
      title: `Follow-up list: ${exam} (${department})`,
      body: `Did not pass: ${failed}. Absent: ${absent}. This list is for the trainers and the department manager only; please do not pass it on.`,
    }),
  },
  qualification_qualified: {
    'zh-CN': ({ track, expires }) => ({
      title: `已获得讲师资格：${track}`,
      body: `恭喜！您已达到「${track}」的全部要求，现在可以担任主讲讲师。${expires ? `资格有效期至 ${expires}。` : ''}`,
    }),
    en: ({ track, expires }) => ({
      title: `Qualified: ${track}`,
      body: `Congratulations, you meet every requirement of "${track}" and may now lead sessions.${expires ? ` The qualification is valid until ${expires}.` : ''}`,
    }),
  },
  qualification_expiring: {
    // Sent to the person and to their department's manager; `person` names whose it is.
    'zh-CN': ({ track, person, expires, days }) => ({
      title: `讲师资格即将到期：${track}`,
      body: `${person}的「${track}」讲师资格将于 ${expires} 到期（还有 ${days} 天）。通过续期考试或以合格的评价主讲足够场次即可续期。`,
    }),
    en: ({ track, person, expires, days }) => ({
      title: `Qualification expiring: ${track}`,
      body: `${person}'s qualification "${track}" expires on ${expires} (in ${days} days). A renewal exam or enough well-rated sessions led renews it.`,
    }),
  },
  qualification_expired: {
    'zh-CN': ({ track, person, expires }) => ({
      title: `讲师资格已到期：${track}`,
      body: `${person}的「${track}」讲师资格已于 ${expires} 到期，到期后不能再担任主讲讲师。`,
    }),
    en: ({ track, person, expires }) => ({
      title: `Qualification expired: ${track}`,
      body: `${person}'s qualification "${track}" expired on ${expires}; they may no longer lead sessions.`,
    }),
  },
  session_lead_lapsed: {
    // state: revoked | expired | missing — why the lead may no longer lead the session.
    'zh-CN': ({ title, when, lead, state }) => ({
      title: `需要更换主讲讲师：${title}`,
      body: `${lead}的讲师资格${state === 'revoked' ? '已被撤销' : state === 'expired' ? '已到期' : '不再有效'}，不能主讲 ${when} 的「${title}」。请在开课前更换主讲讲师。`,
    }),
    en: ({ title, when, lead, state }) => ({
      title: `New lead needed: ${title}`,
      body: `${lead}'s qualification ${state === 'revoked' ? 'was revoked' : state === 'expired' ? 'has expired' : 'is no longer valid'}, so they may not lead "${title}" on ${when}. Replace the lead before it starts.`,
    }),
  },
};
