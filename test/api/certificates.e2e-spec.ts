import { CertificatesService } from '@cascade/server/certificates';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  binaryBody,
  createWorld,
  eventually,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';
import { inflateSync } from 'node:zlib';

/**
 * The text a pdfkit document shows: its content streams' glyph codes mapped back through the
 * embedded font's ToUnicode table. Enough for one-font documents like ours, with no PDF
 * library installed.
 */
function pdfText(pdf: Buffer): string {
  const streams: string[] = [];
  const raw = pdf.toString('latin1');
  const pattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // images and fonts that do not inflate are not text
    }
  }
  const glyphs = new Map<string, string>();
  const hexText = (hex: string) =>
    (hex.match(/.{4}/g) ?? []).map((unit) => String.fromCharCode(parseInt(unit, 16))).join('');
  for (const cmap of streams.filter((s) => s.includes('begincmap'))) {
    for (const [, from, to, dest] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const targets = [...dest.matchAll(/<([0-9a-f]+)>/gi)].map((m) => hexText(m[1]));
      for (let code = parseInt(from, 16), i = 0; code <= parseInt(to, 16); code++, i++)
        glyphs.set(code.toString(16).padStart(4, '0'), targets[i] ?? '');
    }
    for (const [, code, dest] of cmap.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]+)>$/gim))
      glyphs.set(code.toLowerCase(), hexText(dest));
  }
  return streams
    .filter((s) => /\bT[Jj]\b/.test(s))
    .flatMap((s) => [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)])
    .map(([, array]) =>
      [...array.matchAll(/<([0-9a-f]+)>/gi)]
        .map(([, hex]) => (hex.match(/.{4}/g) ?? []).map((unit) => glyphs.get(unit.toLowerCase()) ?? '?').join(''))
        .join(''),
    )
    .join('\n');
}

describe('certificates', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let manager: string;
  let trainee: string;
  let otherTrainee: string;
  let questionId: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    await api.dataSource.query(`UPDATE app_user SET name = '张伟' WHERE id = $1`, [world.traineeA.id]);
    [trainer, manager, trainee, otherTrainee] = await Promise.all(
      [world.trainerA, world.managerA, world.traineeA, world.traineeA2].map((u) => api.login(u.email)),
    );
    const question = await api
      .http()
      .post('/api/questions')
      .set('authorization', trainer)
      .send({ organizationId: world.clientA.id, ...QUESTION_EXAMPLES.single_choice, status: 'active' });
    expect(question.status).toBe(201);
    questionId = question.body.id;
  });
  afterAll(() => api?.close());

  /** A one-question exam sat by the trainee, answered right or wrong; resolves once graded. */
  const sit = async (kind: string, title: string, token: string, userId: string, right: boolean) => {
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title,
        kind,
        timeLimitMinutes: 20,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        showResults: 'immediately',
        questionIds: [questionId],
        assignees: { userIds: [userId] },
      });
    expect(exam.status).toBe(201);
    const attempt = (await api.http().post(`/api/exams/${exam.body.id}/attempts`).set('authorization', token)).body;
    await api
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${questionId}`)
      .set('authorization', token)
      .send({ response: right ? 'A' : 'B', seq: 1 });
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', token);
    await eventually(
      async () =>
        (await api.dataSource.query(`SELECT status FROM attempt WHERE id = $1`, [attempt.id]))[0].status ===
          'finalized' || undefined,
      15_000,
      'grading',
    );
    return attempt.id as string;
  };

  let certificate: { id: string; code: string; verifyUrl: string; sourceId: string };

  it('issues a certificate for a passed certification exam, once, and none for a fail or another kind', async () => {
    const passed = await sit('certification', '采购下单认证考试', trainee, world.traineeA.id, true);
    await sit('certification', '采购下单认证考试', otherTrainee, world.traineeA2.id, false);
    await sit('post_test', '后测', trainee, world.traineeA.id, true);

    const mine = await api.http().get('/api/certificates').set('authorization', trainee);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    certificate = mine.body.data[0];
    expect(mine.body.data[0]).toMatchObject({
      kind: 'exam',
      sourceId: passed,
      userId: world.traineeA.id,
      holderName: '张伟',
      organizationId: world.clientA.id,
      title: '采购下单认证考试',
      status: 'valid',
      expiresAt: null,
      revokedAt: null,
    });
    expect(certificate.code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(certificate.verifyUrl).toMatch(new RegExp(`/verify/${certificate.code}$`));
    // 144 random bits: two certificates never share a code, and a code says nothing about its record.
    expect(certificate.code).not.toContain(certificate.id.slice(0, 8));

    // Issuing again for the same attempt (a re-run job) gives back the same certificate.
    const again = await api.dataSource.transaction((m) => api.app.get(CertificatesService).issueForAttempt(m, passed));
    expect(again).toEqual({ id: certificate.id, code: certificate.code });
    expect((await api.http().get('/api/certificates').set('authorization', otherTrainee)).body.total).toBe(0);
  });

  it('shows a certificate to its holder and the client’s staff, not to other trainees or clients', async () => {
    const managerB = await api.login(world.managerB.email);
    expect((await api.http().get(`/api/certificates/${certificate.id}`).set('authorization', trainee)).status).toBe(
      200,
    );
    expect((await api.http().get(`/api/certificates/${certificate.id}`).set('authorization', manager)).status).toBe(
      200,
    );
    expect((await api.http().get(`/api/certificates/${certificate.id}`).set('authorization', trainer)).status).toBe(
      200,
    );
    expect(
      (await api.http().get(`/api/certificates/${certificate.id}`).set('authorization', otherTrainee)).status,
    ).toBe(404);
    expect((await api.http().get(`/api/certificates/${certificate.id}`).set('authorization', managerB)).status).toBe(
      404,
    );
    expect((await api.http().get('/api/certificates').set('authorization', managerB)).body.total).toBe(0);
    const byStatus = await api
      .http()
      .get(`/api/certificates?userId=${world.traineeA.id}&status=valid`)
      .set('authorization', manager);
    expect(byStatus.body.total).toBe(1);
    expect((await api.http().get('/api/certificates?status=nonsense').set('authorization', manager)).status).toBe(400);
  });

  it('prints the certificate as a PDF with the name, title, dates, code and a QR image, in Chinese', async () => {
    const response = await api
      .http()
      .get(`/api/certificates/${certificate.id}/pdf`)
      .set('authorization', trainee)
      .buffer(true)
      .parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('WenQuanYiMicroHei');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    // One page: the layout fits, nothing spills over.
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = pdfText(pdf);
    expect(text).toContain('张伟');
    expect(text).toContain('采购下单认证考试');
    expect(text).toContain(certificate.code);
    expect(text).toContain(certificate.verifyUrl);
    expect(text).toContain('长期有效 No expiry');
    expect(text).toMatch(/获得日期 Achieved: \d{4}年\d{1,2}月\d{1,2}日/);
    expect(
      (await api.http().get(`/api/certificates/${certificate.id}/pdf`).set('authorization', otherTrainee)).status,
    ).toBe(404);
  });

  it('verifies a code publicly: valid, then expired, then revoked, telling only what was certified', async () => {
    const verify = () => api.http().get(`/api/verify/${certificate.code}`);
    const valid = await verify();
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({
      status: 'valid',
      holderName: '张伟',
      title: '采购下单认证考试',
      kind: 'exam',
      issuedAt: expect.any(String),
      achievedAt: expect.any(String),
      expiresAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(valid.body)).not.toMatch(
      new RegExp(`${world.traineeA.id}|${world.clientA.id}|${certificate.id}`),
    );

    await api.dataSource.query(`UPDATE certificate SET expires_at = now() - interval '1 day' WHERE id = $1`, [
      certificate.id,
    ]);
    expect((await verify()).body).toMatchObject({ status: 'expired', expiresAt: expect.any(String) });

    await api.dataSource.transaction((m) =>
      api.app.get(CertificatesService).revokeFor(m, certificate.sourceId, '作弊'),
    );
    const revoked = await verify();
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    // The reason stays inside the organization.
    expect(JSON.stringify(revoked.body)).not.toContain('作弊');
    const own = await api.http().get(`/api/certificates/${certificate.id}`).set('authorization', manager);
    expect(own.body).toMatchObject({ status: 'revoked', revokeReason: '作弊' });
  });

  it('answers an unknown or malformed code with the same 404 that reveals nothing', async () => {
    // One character off the real code (never the character it already ends with).
    const nearMiss = `${certificate.code.slice(0, -1)}${certificate.code.endsWith('x') ? 'y' : 'x'}`;
    const answers = await Promise.all(
      ['garbage', 'A'.repeat(24), nearMiss, "'; DROP TABLE certificate; --"].map((code) =>
        api.http().get(`/api/verify/${encodeURIComponent(code)}`),
      ),
    );
    const withoutInstance = ({ instance: _instance, ...rest }: Record<string, unknown>) => rest;
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(withoutInstance(answer.body)).toEqual(withoutInstance(answers[0].body));
    }
    expect(Object.keys(answers[0].body).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
  });

  // Last: it spends this address's budget for the minute.
  it('slows down one address that floods the verification', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) statuses.push((await api.http().get(`/api/verify/${'B'.repeat(24)}`)).status);
    expect(statuses.filter((s) => s === 404).length).toBeGreaterThan(40);
    const limited = await api.http().get(`/api/verify/${certificate.code}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
