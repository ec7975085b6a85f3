/*
 * The repository of a file URL, in the scaffolder's publish actions' terms:
 * repoUrl (host?owner=..&repo=..), the branch, and the file's folder.
 */
import type { ScmIntegrationRegistry } from '@backstage/integration';

export interface FileRepository {
  /** github, gitlab, ... (the integration's type); undefined when none matches. */
  provider?: string;
  /** `host?owner=<owner>&repo=<repo>`, as publish:github:pull-request and publish:gitlab:merge-request take it. */
  repoUrl: string;
  /** The branch the file is on. */
  branch: string;
  /** The file's folder in the repository ('' at the root). */
  folder: string;
  /** The file's name. */
  fileName: string;
}

/**
 * Reads a blob URL: GitHub `https://host/owner/repo/blob/branch/path`,
 * GitLab `https://host/group/sub/repo/-/blob/branch/path`. A branch with a
 * slash cannot be told from a folder in these URLs: the first segment is
 * taken, as GitHub's own links do.
 */
export function repositoryOf(
  fileUrl: string,
  integrations?: ScmIntegrationRegistry,
): FileRepository | undefined {
  let url: URL;
  try {
    url = new URL(fileUrl);
  } catch {
    return undefined;
  }
  const match =
    /^\/(.+?)\/([^/]+?)(?:\.git)?\/(?:-\/)?blob\/([^/]+)\/(.+)$/.exec(
      url.pathname,
    );
  if (!match) return undefined;
  const [, owner, repo, branch, filePath] = match.map(decodeURIComponent);
  const slash = filePath.lastIndexOf('/');
  return {
    provider: integrations?.byUrl(fileUrl)?.type,
    repoUrl: `${url.host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(repo)}`,
    branch,
    folder: slash < 0 ? '' : filePath.slice(0, slash),
    fileName: slash < 0 ? filePath : filePath.slice(slash + 1),
  };
}
