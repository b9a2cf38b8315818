// A real OpenID Connect provider (npm oidc-provider, pinned in package.json) for the sign-in tests.
// Listens on 127.0.0.1 on a free port and prints {"issuer": ...} on its first line of output.
// Argument: JSON {client_id, client_secret, redirect_uris}.
// Its own development pages ask for a login and any password; consent is implied. The login is the
// person's e-mail address, verified; "unverified:" before it gives the same address, not verified.
import http from 'node:http';

// The tests may run on another day than today (TEST_TODAY): the provider keeps the same time as they
// do, or its tokens and cookies would look expired or not yet valid to them.
const offset = Number(process.env.CLOCK_OFFSET_MS || 0);
if (offset) {
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) { super(...(args.length ? args : [RealDate.now() + offset])); }
    static now() { return RealDate.now() + offset; }
  };
}
const { default: Provider } = await import('oidc-provider');

const config = JSON.parse(process.argv[2]);
const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: config.client_id,
    client_secret: config.client_secret,
    redirect_uris: config.redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  cookies: { keys: ['only-for-tests'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(ctx, id) {
    const verified = !id.startsWith('unverified:');
    const email = verified ? id : id.slice('unverified:'.length);
    return { accountId: id, async claims() { return { sub: id, email, email_verified: verified }; } };
  },
  // No consent page: every client gets the scopes it asks for.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.on('server_error', (ctx, error) => console.error(error));
// Its cookies last as long as the browser session: their expiry would be written on the tests' clock,
// which a browser on the real clock could read as already past and drop (deletions, in 1970, stay).
provider.use(async (ctx, next) => {
  await next();
  const cookies = ctx.response.get('set-cookie');
  if (Array.isArray(cookies) && cookies.length) {
    ctx.set('set-cookie', cookies.map((c) => (/expires=[^;]*1970/i.test(c) ? c : c.replace(/; expires=[^;]*/gi, ''))));
  }
});
server.on('request', provider.callback());
console.log(JSON.stringify({ issuer }));
