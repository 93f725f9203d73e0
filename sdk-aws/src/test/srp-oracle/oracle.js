// Runs amazon-cognito-identity-js's USER_SRP_AUTH sign-in against a scripted Cognito: fixed
// secret a, fixed clock, and the SALT / SRP_B / SECRET_BLOCK / USER_ID_FOR_SRP each vector gives.
// Prints, per vector, the SRP_A the library sent and the ChallengeResponses of its
// RespondToAuthChallenge (PASSWORD_VERIFIER), plus the SECRET_HASH of USER_ID_FOR_SRP computed
// with Node's own HMAC (the library has no client secrets). Input: JSON on stdin; output: JSON.
'use strict';
const crypto = require('crypto');
const cognito = require('amazon-cognito-identity-js');
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;

const RealDate = Date;
let fixedMillis = 0;
// DateHelper calls `new Date()`; every other use of Date keeps working.
global.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) {
      super(fixedMillis);
    } else {
      super(...args);
    }
  }
  static now() {
    return fixedMillis;
  }
};

let fixedA = null;
cognito.AuthenticationHelper.prototype.generateRandomSmallA = function () {
  return new BigInteger(fixedA, 16);
};

function run(input, vector) {
  return new Promise((resolve, reject) => {
    fixedMillis = vector.epochMillis;
    fixedA = vector.a;
    const pool = new cognito.CognitoUserPool({ UserPoolId: input.userPoolId, ClientId: input.clientId });
    const result = {};
    pool.client = {
      request(operation, params, callback) {
        if (operation === 'InitiateAuth') {
          result.authFlow = params.AuthFlow;
          result.srpA = params.AuthParameters.SRP_A;
          result.initiateUsername = params.AuthParameters.USERNAME;
          callback(null, {
            ChallengeName: 'PASSWORD_VERIFIER',
            Session: 'scripted-session',
            ChallengeParameters: {
              SALT: vector.salt,
              SRP_B: vector.b,
              SECRET_BLOCK: vector.secretBlock,
              USER_ID_FOR_SRP: vector.userIdForSrp,
              USERNAME: vector.userIdForSrp,
            },
          });
        } else if (operation === 'RespondToAuthChallenge') {
          result.challengeName = params.ChallengeName;
          result.challengeResponses = params.ChallengeResponses;
          const stop = new Error('scripted stop');
          stop.code = 'ScriptedStop';
          callback(stop, null);
        } else {
          callback(new Error('unexpected operation ' + operation), null);
        }
      },
    };
    const user = new cognito.CognitoUser({ Username: vector.username, Pool: pool });
    user.setAuthenticationFlowType('USER_SRP_AUTH');
    const details = new cognito.AuthenticationDetails({ Username: vector.username, Password: vector.password });
    user.authenticateUser(details, {
      onSuccess: () => reject(new Error('the scripted Cognito never issues tokens')),
      onFailure: (err) => {
        if (err && err.code === 'ScriptedStop') {
          result.secretHash = crypto.createHmac('sha256', input.clientSecret)
            .update(vector.userIdForSrp + input.clientId, 'utf8').digest('base64');
          resolve(result);
        } else {
          reject(err);
        }
      },
    });
  });
}

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', async () => {
  const input = JSON.parse(text);
  const results = [];
  for (const vector of input.vectors) {
    results.push(await run(input, vector));
  }
  process.stdout.write(JSON.stringify(results));
});
