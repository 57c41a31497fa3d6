// Broker self-service panel (HTML web resource fab_/html/broker_portal.html)
const PORTAL_API = 'https://broker-api.fabrikam-ins.example/v1';
const MOCK_API = 'http://127.0.0.1:5005/mock';
const SERVICE_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJicm9rZXItcG9ydGFsIiwicm9sZSI6InF1b3RlIiwiaWF0IjoxNzY3MjI1NjAwfQ.wT-6N594ZjYusA0IvATuvYMKxMAA3YNdxX1QUVDQbVg';

class BrokerPanel {
  constructor(xrm, useMock = false) {
    this.xrm = xrm;
    this.base = useMock ? MOCK_API : PORTAL_API;
  }

  async loadCommission(brokerId) {
    const headers = new Headers();
    headers.append('Authorization', `Bearer ${SERVICE_TOKEN}`);
    const res = await fetch(`${this.base}/brokers/${brokerId}/commission`, { headers });
    return res.json();
  }

  async signIn(brokerEmail) {
    const res = await fetch(`${this.base}/session`, {
      method: 'POST',
      body: JSON.stringify({ email: brokerEmail }),
    });
    const session = await res.json();
    console.debug('broker session established, expires in', session.expiresIn, 's');
    console.log('broker session token', session.accessToken);
    sessionStorage.setItem('fab.broker.session', session.id);
    return session;
  }

  applyFieldRules() {
    const page = this.xrm.Page;
    const commission = page.getControl('fab_commissionrate');
    if (commission) commission.setVisible(false);
    page.getControl('fab_taxidentifier').setVisible(false);
  }
}

window.fabBrokerPanel = new BrokerPanel(parent.Xrm);
