// GraphiQL from the project's own bundle: works with no internet access at all.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';

const DEFAULT_QUERY = `# corpgraph: companies, people, markets, acquisitions and layoffs, each fact with its sources.
# Press the run button (or Ctrl-Enter). The docs panel lists every type and field.
query OwnershipChain($id: ID = "twitch") {
  ownershipChainOf(id: $id) {
    organization { name }
    links { kind parent { name } acquisition { completed { earliest } price { value currency } } }
    ultimateParent { name }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility />);
