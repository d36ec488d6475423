/**
 * A desk session in its own process, so a test can capture everything the host prints: reads an ID card
 * and a 社保卡, looks the person up, accepts a 特门 case, waits until the uploader has an answer for it, views
 * history and queue. Usage: tsx privacy-flow-host.ts DATA_DIR (config.json there points at the platform).
 */
import { createApp } from '../../electron/host/app';
import { defaultDeviceFactories } from '../../electron/host/default-devices';
import { call } from '../../electron/host/dispatch';

async function main(dataDir: string): Promise<void> {
  const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  try {
    const h = app.handlers;
    await call(h, 'simulator.idCard.place', { sampleId: '0' });
    const card = await call(h, 'idCard.read', { timeoutMs: 5000 });
    const looked = await call(h, 'person.lookup', { certType: '02', certNo: card.idNumber });
    await call(h, 'cases.accept', {
      kind: 'special-disease',
      psnNo: looked.person.psn_no,
      insuplcAdmdvs: looked.person.insuinfo[0].insuplc_admdvs,
      materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'],
      form: {
        insutype: looked.person.insuinfo[0].insutype, diseaseCode: 'M01600', hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院',
        assessedOn: '2026-03-01', doctorCode: 'D009', doctorName: '赵医生', begndate: '2026-03-02', enddate: '2026-12-31',
        tel: '13800000009', addr: '示例市和平路 9 号',
      },
    });
    for (let i = 0; i < 300; i++) {
      const { counts } = await call(h, 'queue.summary', {});
      if (counts['needs-clerk'] + counts.done > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await call(h, 'queue.list', {});
    await call(h, 'cases.history', { psnNo: looked.person.psn_no });
    const samples = await call(h, 'simulator.sscard.samples', {});
    await call(h, 'simulator.sscard.insert', { sampleId: samples[0].id });
    await call(h, 'sscard.read', { timeoutMs: 5000 });
    process.stdout.write('flow done\n');
  } finally {
    await app.close();
  }
}

main(process.argv[2]).catch((err: Error) => {
  process.stderr.write(`flow failed: ${err.message}\n`);
  process.exit(1);
});
