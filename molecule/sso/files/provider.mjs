// The sso scenario's OpenID Provider: oidc-provider (OpenID Certified), with
// two test users and MLflow's client.  Test fixtures only: the login form is
// oidc-provider's development form, which takes any password.
import fs from 'node:fs';
import https from 'node:https';
import Provider from 'oidc-provider';

const env = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
};

// Who logs in, and the groups the provider says they are in.
const accounts = {
  reader: { name: 'Rita Reader', email: 'reader@example.internal', groups: ['mlflow-readers'] },
  admin: { name: 'Ada Admin', email: 'admin@example.internal', groups: ['mlflow-readers', 'mlflow-admins'] },
};

const provider = new Provider(env('ISSUER'), {
  clients: [{
    client_id: env('CLIENT_ID'),
    client_secret: env('CLIENT_SECRET'),
    redirect_uris: env('REDIRECT_URIS').split(','),
    post_logout_redirect_uris: env('POST_LOGOUT_REDIRECT_URIS').split(','),
    grant_types: ['authorization_code', 'client_credentials'],
    response_types: ['code'],
  }, {
    // A deploy pipeline's own client: client credentials give it a signed
    // access token for MLflow, naming the pipeline as preferred_username.
    client_id: 'ci-pipeline',
    client_secret: env('PIPELINE_SECRET'),
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
  }],
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
    groups: ['groups'],
  },
  // The claims of the scopes granted go into the ID token, as most providers do.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    // JWT access tokens for MLflow (audience: MLflow's client id), to the pipeline's client.
    resourceIndicators: {
      enabled: true,
      defaultResource: (ctx, client) => (client.clientId === 'ci-pipeline' ? 'urn:mlflow' : undefined),
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'mlflow',
        audience: env('CLIENT_ID'),
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
      }),
    },
  },
  async extraTokenClaims(ctx, token) {
    return token.kind === 'ClientCredentials' ? { preferred_username: token.clientId } : undefined;
  },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, email_verified: true, ...account };
      },
    };
  },
  cookies: { keys: [env('COOKIE_KEY')] },
  ttl: { AccessToken: 3600, IdToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
});

https
  .createServer({ key: fs.readFileSync(env('TLS_KEY')), cert: fs.readFileSync(env('TLS_CERT')) }, provider.callback())
  .listen(Number(env('PORT')), () => console.log(`oidc-provider listening at ${env('ISSUER')}`));
