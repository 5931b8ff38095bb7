import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Config } from '../../config';

/** The operation Sandbox opens with: the question analysts come for. */
export const SANDBOX_INITIAL_DOCUMENT = `# Who owns Twitch, since when, bought for how much, and who says so? Change the id and run.
query OwnershipChain($id: ID!) {
  ownershipChainOf(id: $id) {
    organization { name }
    links {
      kind
      parent { name }
      since { earliest latest precision text }
      acquisition { completed { earliest latest } price { value currency text } }
      sources { quote source { title publishers published { earliest } } }
    }
    ultimateParent { name }
  }
}
`;

/** The ways into corpgraph from a browser; the offline ones first. */
export const WAYS_IN = [
  { path: '/graphiql', label: 'GraphiQL', note: 'works offline: the project serves it' },
  { path: '/explore?id=twitch', label: 'Graph explorer', note: 'draw a company’s neighbourhood and its sources' },
] as const;

const linksHtml = WAYS_IN.map((w) => `<a href="${w.path}">${w.label}</a> <span>(${w.note})</span>`).join(' · ');

/**
 * What a browser gets at GET /graphql. With the Sandbox on: Apollo's embedded Sandbox (it loads from
 * Apollo's CDN) under a bar linking to the offline pages, so that a machine without internet still
 * shows a way in. With it off (production): a page that says what the endpoint is and links them,
 * instead of Apollo's CSRF refusal of a bare GET.
 */
export function landingPagePlugin(config: Config): ApolloServerPlugin {
  if (!config.sandbox) {
    return {
      async serverWillStart() {
        return {
          async renderLandingPage() {
            return {
              html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>corpgraph</title></head><body>
<h1>corpgraph</h1>
<p>This is corpgraph's GraphQL endpoint: send queries with <code>POST /graphql</code> and a JSON body (<code>{"query": "..."}</code>).
The Apollo Sandbox is off here (production; <code>SANDBOX_ENABLED=true</code> turns it on).</p>
<p>${linksHtml}</p>
</body></html>`,
            };
          },
        };
      },
    };
  }
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    includeCookies: false,
    document: SANDBOX_INITIAL_DOCUMENT,
    variables: { id: 'twitch' },
  });
  return {
    async serverWillStart(context) {
      const listener = await sandbox.serverWillStart!(context);
      return {
        async renderLandingPage() {
          const page = await listener!.renderLandingPage!();
          const render = typeof page.html === 'string' ? async () => page.html as string : page.html;
          return {
            html: async () => {
              const html = await render();
              // Apollo's page allows only styles carrying its nonce (Content-Security-Policy).
              const nonce = /nonce=["']?([0-9a-f]+)/.exec(html)?.[1] ?? '';
              const bar = `<style nonce="${nonce}">#corpgraph-ways{font:14px sans-serif;padding:6px 12px;background:#f4f1ea;border-bottom:1px solid #ccc}#corpgraph-ways span{color:#666}</style>
<div id="corpgraph-ways"><b>corpgraph</b> · Apollo Sandbox below needs internet access; offline: ${linksHtml}</div>`;
              return html.replace('<body>', `<body>\n${bar}`);
            },
          };
        },
      };
    },
  };
}
