// The manifest a build hands out: manifest.xml, whose URLs name the dev
// server (https://localhost:3000/), with every URL moved to the add-in's
// public https address (ADDIN_URL). webpack.config.js writes it to
// dist/manifest.xml; the manifest tests check it as they check the source.
// Office loads an add-in only over https, and the manifest's URLs must all
// point where dist/ is served (SourceLocation, icons, SupportUrl, the
// GetStarted link, AppDomains): docs/deploy.md.

export const DEV_URL = 'https://localhost:3000/';

const fail = (message) => ({ ok: false, message });

/**
 * The base address from ADDIN_URL: an absolute https URL of the folder that
 * serves dist/, ending in /. Empty means the dev server. Anything else is
 * refused with a message that says how to write it.
 */
export function addinBase(value) {
  const raw = (value ?? '').trim();
  if (!raw) return { ok: true, base: DEV_URL };
  let u;
  try {
    u = new URL(raw);
  } catch {
    return fail(`ADDIN_URL「${raw}」不是有效的网址。请写成加载项所在目录的完整 https 地址，例如：ADDIN_URL=https://kesu.example.gov.cn/ npm run build`);
  }
  if (u.protocol !== 'https:')
    return fail(`ADDIN_URL「${raw}」不是 https 地址。Office 只从 https 地址加载加载项（内网部署也需要 https 证书），请改为 https:// 开头后重新构建，例如：ADDIN_URL=https://kesu.example.gov.cn/ npm run build`);
  if (u.username || u.password || u.search || u.hash)
    return fail(`ADDIN_URL「${raw}」中不能带用户名、密码、查询参数（?）或锚点（#）。请只写到加载项所在的目录，例如：https://kesu.example.gov.cn/kesu/`);
  const path = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { ok: true, base: `${u.origin}${path}` };
}

/** The manifest version from ADDIN_VERSION (four numbers, as <Version> requires), or null to keep the manifest's. */
export function addinVersion(value) {
  const raw = (value ?? '').trim();
  if (!raw) return { ok: true, version: null };
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(raw)) return fail(`ADDIN_VERSION「${raw}」格式不对：清单版本号须为四段数字，例如 ADDIN_VERSION=1.0.1.0`);
  return { ok: true, version: raw };
}

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** manifest.xml with its URLs at `base` (and its <Version> set, when given). */
export function manifestFor(xml, base, version = null) {
  const origin = new URL(base).origin;
  let out = xml
    .replace(/<AppDomain>\s*https:\/\/localhost:3000\/?\s*<\/AppDomain>/g, `<AppDomain>${xmlEscape(origin)}</AppDomain>`)
    .split(DEV_URL)
    .join(xmlEscape(base));
  if (version) out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (base !== DEV_URL) out = out.replace('Address: the dev server of npm run dev.', `Address: ${xmlEscape(base)} (built by npm run build with ADDIN_URL).`);
  if (base !== DEV_URL && /localhost:3000/.test(out.replace(/<!--[\s\S]*?-->/g, '')))
    throw new Error('manifest.xml 中仍有未替换的开发地址 https://localhost:3000（请检查新加的 URL 是否以 https://localhost:3000/ 开头）');
  return out;
}

/** Both settings from the environment, or the first message that refuses them. */
export function deploySettings(env) {
  const url = addinBase(env.ADDIN_URL);
  if (!url.ok) return url;
  const version = addinVersion(env.ADDIN_VERSION);
  if (!version.ok) return version;
  return { ok: true, base: url.base, version: version.version };
}
