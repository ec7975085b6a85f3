/*
 * A loopback HTTP server (127.0.0.1 only) that speaks the part of GitHub's
 * REST API that the URL reader and publish:github:pull-request use
 * (octokit-plugin-create-pull-request): file contents, the repository, its
 * latest commit, blobs, trees, commits, the branch lookup (GraphQL), refs
 * and pull requests. It records what was written.
 */
import http from 'http';
import type { AddressInfo } from 'net';

export interface FakeGithubRepo {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** Files on the default branch, by path. */
  files: Record<string, string>;
}

export interface FakeGithub {
  baseUrl: string;
  /** Every request: method, path (with query) and JSON body. */
  requests: Array<{ method: string; path: string; body: any }>;
  blobs: Map<string, string>;
  trees: Array<{
    base_tree: string;
    tree: Array<{ path: string; mode: string; sha?: string; content?: string }>;
  }>;
  refs: Array<{ ref: string; sha: string }>;
  pulls: Array<{
    title: string;
    body: string;
    head: string;
    base: string;
    draft?: boolean;
  }>;
  /** The text of a file as the pull request's commit leaves it. */
  committedFile(path: string): string | undefined;
  close(): Promise<void>;
}

export async function startFakeGithub(
  repo: FakeGithubRepo,
): Promise<FakeGithub> {
  const requests: FakeGithub['requests'] = [];
  const blobs = new Map<string, string>();
  const trees: FakeGithub['trees'] = [];
  const refs: FakeGithub['refs'] = [];
  const pulls: FakeGithub['pulls'] = [];
  const prefix = `/repos/${repo.owner}/${repo.repo}`;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', chunk => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      const url = new URL(req.url!, 'http://127.0.0.1');
      requests.push({ method: req.method!, path: req.url!, body });
      const send = (
        status: number,
        value: unknown,
        headers: Record<string, string> = {},
      ) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          ...headers,
        });
        res.end(JSON.stringify(value));
      };
      const route = `${req.method} ${url.pathname}`;

      if (
        req.method === 'GET' &&
        url.pathname.startsWith(`${prefix}/contents/`)
      ) {
        const path = decodeURIComponent(
          url.pathname.slice(`${prefix}/contents/`.length),
        );
        const text = repo.files[path];
        if (
          text === undefined ||
          url.searchParams.get('ref') !== repo.defaultBranch
        ) {
          send(404, { message: 'Not Found' });
          return;
        }
        res.writeHead(200, {
          'content-type': 'application/vnd.github.raw',
          etag: '"1"',
        });
        res.end(text);
        return;
      }
      switch (route) {
        case `GET ${prefix}`:
          send(200, {
            name: repo.repo,
            full_name: `${repo.owner}/${repo.repo}`,
            default_branch: repo.defaultBranch,
            permissions: { admin: false, push: true, pull: true },
          });
          return;
        case `GET ${prefix}/commits`:
          send(200, [{ sha: 'commit-0', commit: { tree: { sha: 'tree-0' } } }]);
          return;
        case `POST ${prefix}/git/blobs`: {
          const sha = `blob-${blobs.size + 1}`;
          blobs.set(
            sha,
            Buffer.from(
              body.content,
              body.encoding === 'base64' ? 'base64' : 'utf8',
            ).toString('utf8'),
          );
          send(201, { sha });
          return;
        }
        case `POST ${prefix}/git/trees`:
          trees.push(body);
          send(201, { sha: `tree-${trees.length}` });
          return;
        case `POST ${prefix}/git/commits`:
          send(201, { sha: `commit-${trees.length}` });
          return;
        case 'POST /graphql':
          send(200, { data: { repository: { ref: null } } });
          return;
        case `POST ${prefix}/git/refs`:
          refs.push(body);
          send(201, { ref: body.ref, object: { sha: body.sha } });
          return;
        case `POST ${prefix}/pulls`:
          pulls.push(body);
          send(201, {
            number: pulls.length,
            html_url: `https://github.com/${repo.owner}/${repo.repo}/pull/${pulls.length}`,
            base: { ref: body.base },
          });
          return;
        default:
          send(404, { message: `Not Found: ${route}` });
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    blobs,
    trees,
    refs,
    pulls,
    committedFile(path) {
      const entry = trees.flatMap(t => t.tree).find(item => item.path === path);
      if (!entry) return undefined;
      return entry.content ?? (entry.sha ? blobs.get(entry.sha) : undefined);
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
