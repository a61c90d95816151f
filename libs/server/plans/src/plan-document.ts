import { TrainingPlanView } from '@cascade/contracts';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** Debian's fonts-wqy-microhei: a CJK font, so Chinese renders instead of empty boxes. */
export const CJK_FONT_FILES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
];

export interface PlanDocumentData {
  plan: TrainingPlanView;
  organizationName: string;
  names: Map<string, string>;
  sessions: {
    title: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    location: string | null;
    onlineUrl: string | null;
    status: string;
  }[];
}

const SIGN_IN: Record<string, string> = {
  qr: '扫码签到 (QR)',
  code: '签到码 (6-digit code)',
  manual: '讲师点名 (manual)',
};
const STATUS: Record<string, string> = {
  draft: '草稿',
  pending_confirmation: '待确认',
  confirmed: '已确认',
  in_progress: '进行中',
  completed: '已完成',
  cancelled: '已取消',
};

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The printable training plan, with a sign-off block naming who confirmed it and when. */
export function renderPlanDocument(data: PlanDocumentData): Promise<Buffer> {
  const { plan, names } = data;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: plan.title, Author: 'Cascade' } });
  const font = CJK_FONT_FILES.find((file) => existsSync(file));
  if (font) {
    doc.registerFont('body', font, 'WenQuanYiMicroHei');
    doc.font('body');
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) =>
    doc.moveDown(0.8).fontSize(13).fillColor('#1f4e79').text(text).moveDown(0.3).fontSize(10.5).fillColor('black');
  const field = (label: string, value: string) => doc.text(`${label}：${value}`);

  doc.fontSize(20).text(plan.title, { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(11)
    .fillColor('#555')
    .text(`${data.organizationName} · 培训计划 / Training plan · 第 ${plan.revision} 版`, { align: 'center' });
  doc.fillColor('black').fontSize(10.5);

  heading('一、培训目标 Goals');
  doc.text(plan.goals);

  heading('二、基本安排 Arrangements');
  field('状态 Status', STATUS[plan.status] ?? plan.status);
  field('培训讲师 Trainers', plan.trainerIds.map((id) => names.get(id) ?? id).join('、') || '—');
  field('默认地点 Location', plan.defaultLocation ?? '—');
  field('签到方式 Sign-in', SIGN_IN[plan.signInMethod] ?? plan.signInMethod);
  field('考核方式 Assessment', plan.assessmentMethod);
  const keyUsers = plan.targets.filter((t) => t.kind === 'key_user').map((t) => names.get(t.userId) ?? t.userId);
  const endUsers = plan.targets.filter((t) => t.kind === 'end_user').length;
  field('关键用户 Key users', keyUsers.join('、') || '—');
  field('最终用户 End users', String(endUsers));

  heading('三、培训内容与时间 Modules');
  const total = plan.modules.reduce((sum, m) => sum + m.durationMinutes, 0);
  plan.modules.forEach((m, i) => {
    doc.text(`${i + 1}. [${m.businessProcess}] ${m.title} — ${m.durationMinutes} 分钟`, { continued: false });
    if (m.outline) doc.fillColor('#444').text(m.outline, { indent: 16 }).fillColor('black');
    m.materials.forEach((material) =>
      doc
        .fillColor('#444')
        .text(`资料 Material: ${material.title}${material.url ? ` (${material.url})` : ''}`, { indent: 16 })
        .fillColor('black'),
    );
  });
  doc.moveDown(0.3).text(`合计 Total: ${Math.floor(total / 60)} 小时 ${total % 60} 分钟`);

  heading('四、课程安排 Sessions');
  if (data.sessions.length === 0) doc.text('尚未排课 No sessions scheduled yet.');
  data.sessions.forEach((s) => {
    const place = s.location ?? s.onlineUrl ?? '—';
    const cancelled = s.status === 'cancelled' ? '（已取消 cancelled）' : '';
    doc.text(`${when(s.startsAt, s.timeZone)} – ${when(s.endsAt, s.timeZone)}  ${s.title}  @ ${place}${cancelled}`);
  });

  heading('五、确认 Sign-off');
  if (plan.confirmedAt && plan.confirmedBy) {
    field('客户确认人 Confirmed by', names.get(plan.confirmedBy) ?? plan.confirmedBy);
    field('确认时间 Confirmed at', when(plan.confirmedAt, 'Asia/Shanghai'));
  } else {
    doc.text('客户尚未确认 Not yet confirmed by the client.');
    doc.moveDown(1.5).text('客户签字 Client signature: ______________________    日期 Date: ____________');
  }
  doc.end();
  return done;
}
