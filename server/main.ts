// Command line of the server (bin/serve.mjs): PORT, --data DIR, --port N,
// --allow-host NAME (also KESU_ALLOW_HOSTS). Prints the addresses; keeps
// running until Ctrl+C.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllowedHosts } from './host';
import { startServer } from './serve';

export async function main(argv: string[], ctx: { repo: string }): Promise<number> {
  let dataDir: string | undefined;
  let port = Number(process.env.PORT || 3000);
  const allowHosts = parseAllowedHosts(process.env.KESU_ALLOW_HOSTS);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data' || a === '-d') dataDir = argv[++i];
    else if (a.startsWith('--data=')) dataDir = a.slice(7);
    else if (a === '--allow-host' || a.startsWith('--allow-host=')) {
      const v = a === '--allow-host' ? argv[++i] : a.slice('--allow-host='.length);
      const names = parseAllowedHosts(v);
      if (!names.length) {
        console.error('--allow-host 后缺少地址，例如 --allow-host 192.168.1.20');
        return 2;
      }
      allowHosts.push(...names);
    }
    else if (a === '--port' || a === '-p') port = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(
        '用法: npm start [-- --data 文件夹] [--port 端口] [--allow-host 地址]\n  不带 --data 时显示内置示例数据。环境变量 PORT 也可设置端口(默认 3000)。\n  只接受以 localhost、127.0.0.1、[::1] 访问;确需用其他地址(如本机的局域网名)访问时,用 --allow-host 或环境变量 KESU_ALLOW_HOSTS(逗号分隔)加上该地址。',
      );
      return 0;
    } else {
      console.error(`未知参数: ${a}`);
      return 2;
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效: ${port}`);
    return 2;
  }
  const root = path.join(ctx.repo, 'dist');
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error('找不到 dist/index.html，请先运行 npm run build。');
    return 1;
  }
  let sample = false;
  if (dataDir) {
    dataDir = path.resolve(dataDir);
    if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
      console.error(`数据文件夹不存在: ${dataDir}`);
      return 1;
    }
  } else {
    const { makeSampleData } = await import('../scripts/make-sample-data');
    try {
      const r = await makeSampleData();
      for (const p of r.problems) console.error('示例数据问题: ' + p);
      if (r.generated) console.log(`已生成示例数据 ${r.files.length} 个工作簿`);
      dataDir = r.dir;
      sample = true;
    } catch (e) {
      console.error('无法生成示例数据: ' + (e as Error).message + '（看板仍可拖入文件使用）');
    }
  }
  let server;
  try {
    server = await startServer({ port, root, dataDir, sample, allowHosts });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    console.error(err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 PORT=其他端口 npm start` : `无法启动: ${err.message}`);
    return 1;
  }
  console.log(`科素台账 本地服务已启动（仅本机可访问）
  看板:        ${server.url}
  加载项演示:  ${server.url}demo.html
  数据:        ${sample ? '内置示例数据' : dataDir ?? '无（可拖入 .xlsx 文件）'}
按 Ctrl+C 停止。`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
