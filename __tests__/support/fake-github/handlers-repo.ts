/**
 * Repository-level endpoints: SARIF upload to code scanning, git blobs and file contents.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { wrappedBase64 } from './render.js';
import { notFound, stringField, type Handler, type HandlerContext, type Reply } from './replies.js';
import { gitBlobSha, type Repository, type SarifUpload } from './state.js';

/** GitHub's limit on the gzip-compressed SARIF payload. */
export const MAX_SARIF_GZIP_BYTES = 10 * 1024 * 1024;

const CODE_SCANNING_DISABLED = 'Advanced Security must be enabled for this repository to use code scanning.';

function repositoryOf(ctx: HandlerContext): Repository | undefined {
  return ctx.state.repository(ctx.pathParams.owner, ctx.pathParams.repo);
}

/** base64 -> gunzip -> JSON, or the reason it fails. */
function decodeSarif(encoded: string): { sarif?: unknown; gzipBytes: number; problem?: string } {
  const compact = encoded.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    return { gzipBytes: 0, problem: 'the sarif field is not valid base64' };
  }
  const gzip = Buffer.from(compact, 'base64');
  let text: string;
  try {
    text = gunzipSync(gzip).toString('utf8');
  } catch {
    return { gzipBytes: gzip.length, problem: 'the sarif field is not gzip-compressed' };
  }
  try {
    return { sarif: JSON.parse(text) as unknown, gzipBytes: gzip.length };
  } catch {
    return { gzipBytes: gzip.length, problem: 'the decompressed sarif is not valid JSON' };
  }
}

/** Problems GitHub reports later, while processing (visible through get-sarif). */
function processingErrors(sarif: unknown): string[] {
  if (typeof sarif !== 'object' || sarif === null || Array.isArray(sarif)) return ['SARIF file is not a JSON object'];
  const log = sarif as Record<string, unknown>;
  const errors: string[] = [];
  if (log.version !== '2.1.0') errors.push(`SARIF version ${JSON.stringify(log.version)} is not supported; expected "2.1.0"`);
  if (!Array.isArray(log.runs)) errors.push('SARIF file has no "runs" array');
  return errors;
}

const uploadSarif: Handler = (ctx) => {
  const repository = repositoryOf(ctx);
  if (!repository) return notFound(ctx.docsUrl);
  if (!repository.codeScanningEnabled) {
    return { status: 403, body: { message: CODE_SCANNING_DISABLED, documentation_url: ctx.docsUrl, status: '403' } };
  }
  const decoded = decodeSarif(stringField(ctx.body, 'sarif') ?? '');
  if (decoded.gzipBytes > MAX_SARIF_GZIP_BYTES) {
    return { status: 413, body: { message: 'Payload Too Large', documentation_url: ctx.docsUrl, status: '413' } };
  }
  if (decoded.problem) {
    return { status: 400, body: { message: `Invalid request.\n\n${decoded.problem}.`, documentation_url: ctx.docsUrl, status: '400' } };
  }
  const upload: SarifUpload = {
    id: randomUUID(),
    owner: repository.owner,
    repo: repository.name,
    commitSha: stringField(ctx.body, 'commit_sha') ?? '',
    ref: stringField(ctx.body, 'ref') ?? '',
    checkoutUri: stringField(ctx.body, 'checkout_uri'),
    toolName: stringField(ctx.body, 'tool_name'),
    sarif: decoded.sarif,
    gzipBytes: decoded.gzipBytes,
  };
  ctx.state.sarifUploads.push(upload);
  return { status: 202, body: { id: upload.id, url: `${ctx.api}/repos/${repository.owner}/${repository.name}/code-scanning/sarifs/${upload.id}` } };
};

const getSarif: Handler = (ctx) => {
  const upload = ctx.state.sarifUploads.find((u) => u.id === ctx.pathParams.sarif_id && ctx.state.inRepository(u, ctx.pathParams.owner, ctx.pathParams.repo));
  if (!upload) return notFound(ctx.docsUrl);
  const errors = processingErrors(upload.sarif);
  return {
    status: 200,
    body: {
      processing_status: errors.length > 0 ? 'failed' : 'complete',
      analyses_url: errors.length > 0 ? null : `${ctx.api}/repos/${upload.owner}/${upload.repo}/code-scanning/analyses?sarif_id=${upload.id}`,
      errors: errors.length > 0 ? errors : null,
    },
  };
};

const getBlob: Handler = (ctx) => {
  if (!repositoryOf(ctx)) return notFound(ctx.docsUrl);
  const sha = ctx.pathParams.file_sha.toLowerCase();
  const text = ctx.state.blobs.get(sha);
  if (text === undefined) return notFound(ctx.docsUrl);
  const { owner, repo } = ctx.pathParams;
  return {
    status: 200,
    body: {
      sha,
      node_id: Buffer.from(`04:Blob${sha}`).toString('base64'),
      size: Buffer.byteLength(text, 'utf8'),
      url: `${ctx.api}/repos/${owner}/${repo}/git/blobs/${sha}`,
      content: wrappedBase64(text),
      encoding: 'base64',
    },
  };
};

function resolveCommit(repository: Repository, ref: string | undefined): string | undefined {
  const name = (ref ?? repository.defaultBranch).replace(/^refs\/(heads|tags)\//, '');
  if (repository.refs.has(name)) return repository.refs.get(name);
  if (repository.trees.has(name)) return name;
  return undefined;
}

function contentEntry(ctx: HandlerContext, repository: Repository, commit: string, path: string, text: string | undefined): Record<string, unknown> {
  const full = `${repository.owner}/${repository.name}`;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const isFile = text !== undefined;
  const sha = isFile ? gitBlobSha(text) : gitBlobSha(`tree:${commit}:${path}`);
  const url = `${ctx.api}/repos/${full}/contents/${encoded}?ref=${commit}`;
  const entry: Record<string, unknown> = {
    type: isFile ? 'file' : 'dir',
    size: isFile ? Buffer.byteLength(text, 'utf8') : 0,
    name: path.split('/').pop() ?? path,
    path,
    sha,
    url,
    git_url: `${ctx.api}/repos/${full}/git/${isFile ? 'blobs' : 'trees'}/${sha}`,
    html_url: `https://github.com/${full}/${isFile ? 'blob' : 'tree'}/${commit}/${encoded}`,
    download_url: isFile ? `https://raw.githubusercontent.com/${full}/${commit}/${encoded}` : null,
    _links: { self: url, git: `${ctx.api}/repos/${full}/git/blobs/${sha}`, html: `https://github.com/${full}/blob/${commit}/${encoded}` },
  };
  return entry;
}

const getContent: Handler = (ctx): Reply => {
  const repository = repositoryOf(ctx);
  if (!repository) return notFound(ctx.docsUrl);
  const commit = resolveCommit(repository, ctx.query.ref);
  if (!commit) return notFound(ctx.docsUrl, `No commit found for the ref ${ctx.query.ref ?? repository.defaultBranch}`);
  const tree = repository.trees.get(commit) ?? new Map<string, string>();
  const path = ctx.pathParams.path.replace(/^\/+|\/+$/g, '');
  const text = tree.get(path);
  if (text !== undefined) {
    return { status: 200, body: { ...contentEntry(ctx, repository, commit, path, text), content: wrappedBase64(text), encoding: 'base64' } };
  }
  // A directory: list its direct children.
  const prefix = path === '' ? '' : `${path}/`;
  const children = new Map<string, string | undefined>();
  for (const [file, fileText] of tree) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) children.set(file, fileText);
    else if (!children.has(prefix + rest.slice(0, slash))) children.set(prefix + rest.slice(0, slash), undefined);
  }
  if (children.size === 0) return notFound(ctx.docsUrl);
  return { status: 200, body: [...children].sort(([a], [b]) => a.localeCompare(b)).map(([p, t]) => contentEntry(ctx, repository, commit, p, t)) };
};

/** Handlers by operationId. */
export const repoHandlers: Record<string, Handler> = {
  'code-scanning/upload-sarif': uploadSarif,
  'code-scanning/get-sarif': getSarif,
  'git/get-blob': getBlob,
  'repos/get-content': getContent,
};
