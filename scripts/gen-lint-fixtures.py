# Writes the shared lint fixtures (core/src/test/resources/lint-fixtures/*.bpmn, committed; what each must give is in
# index.json beside them, kept by hand) and the 200-element IVR flow of the editor's benchmark. Run it again only to
# change a fixture: python3 scripts/gen-lint-fixtures.py
import json, os, html
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'core', 'src', 'test', 'resources', 'lint-fixtures')
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
        'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
        'id="Definitions_{pid}" targetNamespace="http://evscallpro.com/bpmn" modeler:executionPlatform="Camunda Cloud" '
        'modeler:executionPlatformVersion="8.8.0">\n')
SIZE = {'task': (100, 80), 'event': (36, 36), 'gateway': (50, 50)}

def block(id, b, inputs=None, name=None, jobtype=None):
    return dict(id=id, tag='serviceTask', kind='task', name=name or id,
                jobtype=jobtype or '="ivr.%s." + evsNode' % b, inputs=inputs or {}, template=b)

def ev(id, tag, name=None, msg=None, error=False):
    return dict(id=id, tag=tag, kind='event', name=name or id, msg=msg, error=error)

def gw(id, default=None, tag='exclusiveGateway'):
    return dict(id=id, tag=tag, kind='gateway', name='', default=default)

def el(id, tag, kind='task'):
    return dict(id=id, tag=tag, kind=kind, name=id)

def write(name, pid, nodes, flows, messages=(), cols=8):
    x0, y0 = 150, 100
    pos = {}
    for i, n in enumerate(nodes):
        w, h = SIZE[n['kind']]
        cx, cy = x0 + (i % cols) * 160, y0 + (i // cols) * 140
        pos[n['id']] = (cx - w // 2, cy - h // 2, w, h, cx, cy)
    out = [HEAD.format(pid=pid)]
    for m in messages:
        out.append('  <bpmn:message id="%s" name="%s">' % (m['id'], m['name']))
        if m.get('key'):
            out.append('<bpmn:extensionElements><zeebe:subscription correlationKey="%s" /></bpmn:extensionElements>' % html.escape(m['key']))
        out.append('</bpmn:message>\n')
    out.append('  <bpmn:process id="%s" isExecutable="true">\n' % pid)
    inc = {n['id']: [] for n in nodes}; outg = {n['id']: [] for n in nodes}
    for f in flows:
        outg[f[1]].append(f[0]); inc[f[2]].append(f[0])
    for n in nodes:
        attrs = 'id="%s"' % n['id'] + (' name="%s"' % html.escape(n['name']) if n['name'] else '')
        if n.get('template'):
            attrs += ' zeebe:modelerTemplate="com.evscallpro.ivr.%s" zeebe:modelerTemplateVersion="1"' % n['template']
        if n.get('default'):
            attrs += ' default="%s"' % n['default']
        body = ''
        if n['tag'] == 'serviceTask':
            body += '<bpmn:extensionElements><zeebe:taskDefinition type="%s" retries="1" />' % html.escape(n['jobtype'], quote=True)
            if n['inputs']:
                body += '<zeebe:ioMapping>' + ''.join('<zeebe:input source="%s" target="%s" />' % (html.escape(v, quote=True), k) for k, v in n['inputs'].items()) + '</zeebe:ioMapping>'
            body += '</bpmn:extensionElements>'
        body += ''.join('<bpmn:incoming>%s</bpmn:incoming>' % f for f in inc[n['id']])
        body += ''.join('<bpmn:outgoing>%s</bpmn:outgoing>' % f for f in outg[n['id']])
        if n.get('msg'):
            body += '<bpmn:messageEventDefinition messageRef="%s" />' % n['msg']
        if n.get('error'):
            body += '<bpmn:errorEventDefinition />'
        out.append('    <bpmn:%s %s>%s</bpmn:%s>\n' % (n['tag'], attrs, body, n['tag']))
    for f in flows:
        cond = ''
        if len(f) > 3 and f[3]:
            cond = '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % html.escape(f[3], quote=False)
        out.append('    <bpmn:sequenceFlow id="%s" sourceRef="%s" targetRef="%s">%s</bpmn:sequenceFlow>\n' % (f[0], f[1], f[2], cond))
    out.append('  </bpmn:process>\n  <bpmndi:BPMNDiagram id="Diagram_%s">\n    <bpmndi:BPMNPlane id="Plane_%s" bpmnElement="%s">\n' % (pid, pid, pid))
    for n in nodes:
        x, y, w, h, _, _ = pos[n['id']]
        out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s><dc:Bounds x="%d" y="%d" width="%d" height="%d" /></bpmndi:BPMNShape>\n'
                   % (n['id'], n['id'], ' isMarkerVisible="true"' if n['kind'] == 'gateway' else '', x, y, w, h))
    order = {n['id']: i for i, n in enumerate(nodes)}
    for k, f in enumerate(flows):
        a, b = pos[f[1]], pos[f[2]]
        ia, ib = order[f[1]], order[f[2]]
        if ib == ia + 1 and ia // cols == ib // cols:
            points = [(a[0] + a[2], a[5]), (b[0], b[5])]  # neighbours: right border to left border
        else:  # any other: down from the source, along under its row, up into the target (crossing no shape)
            y = max(a[1] + a[3], b[1] + b[3]) + 12 + (k % 8) * 5 if a[5] == b[5] else a[1] + a[3] + 12 + (k % 8) * 5
            points = [(a[4], a[1] + a[3]), (a[4], y), (b[4] - 6, y), (b[4] - 6, b[1] + b[3] if b[5] <= y else b[1])]
        out.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s</bpmndi:BPMNEdge>\n'
                   % (f[0], f[0], ''.join('<di:waypoint x="%d" y="%d" />' % p for p in points)))
    out.append('    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n')
    open(os.path.join(OUT, name), 'w').write(''.join(out))

P = lambda prompt: {'prompt': prompt}
start = ev('CallReceived', 'startEvent')
end = ev('CallEnded', 'endEvent')

# 1. a flow that breaks no rule
write('clean.bpmn', 'svi-fixture-clean', [start, block('Welcome', 'play', P('welcome')),
      block('MainMenu', 'menu', {'prompt': 'main-menu', 'choices': '1,2'}), gw('MenuChoice'),
      block('ToSales', 'transfer', {'number': '1000', 'trunk': 'main'}), block('Goodbye', 'hangup'), end,
      ev('SalesEnded', 'endEvent')],
      [('F1', 'CallReceived', 'Welcome'), ('F2', 'Welcome', 'MainMenu'), ('F3', 'MainMenu', 'MenuChoice'),
       ('F4', 'MenuChoice', 'ToSales', '=menuChoice = "1"'), ('F5', 'MenuChoice', 'Goodbye', '=menuChoice = "2"'),
       ('F6', 'Goodbye', 'CallEnded'), ('F7', 'ToSales', 'SalesEnded')])
# 2. job types no worker serves, and one naming a node
write('job-types.bpmn', 'svi-fixture-job-types', [start, block('Mystery', None, jobtype='="ivr.fax." + evsNode'),
      block('Legacy', None, jobtype='send-email'), block('FixedNode', None, {'prompt': 'welcome'}, jobtype='ivr.play.node-1'),
      block('Goodbye', 'hangup'), end],
      [('F1', 'CallReceived', 'Mystery'), ('F2', 'Mystery', 'Legacy'), ('F3', 'Legacy', 'FixedNode'),
       ('F4', 'FixedNode', 'Goodbye'), ('F5', 'Goodbye', 'CallEnded')])
# 3. blocks missing required inputs (a blank one, a bare "=")
write('required-input.bpmn', 'svi-fixture-required-input', [start, block('MainMenu', 'menu', {'prompt': 'main-menu'}),
      block('ToAgent', 'transfer', {'number': '=', 'trunk': 'main'}), end],
      [('F1', 'CallReceived', 'MainMenu'), ('F2', 'MainMenu', 'ToAgent'), ('F3', 'ToAgent', 'CallEnded')])
# 4. a block leading nowhere, an element nothing leads to
write('dead-end-unreachable.bpmn', 'svi-fixture-dead-end', [start, block('Welcome', 'play', P('welcome')),
      block('Orphan', 'hangup'), end],
      [('F1', 'CallReceived', 'Welcome'), ('F2', 'Orphan', 'CallEnded')])
# 5. a menu choice no branch takes (3), and a menu whose gateway has a default branch (all handled)
write('menu-choices.bpmn', 'svi-fixture-menu', [start, block('MainMenu', 'menu', {'prompt': 'main-menu', 'choices': '1,2,3'}),
      gw('MenuChoice'), block('Sales', 'transfer', {'number': '1000', 'trunk': 'main'}),
      block('Support', 'menu', {'prompt': 'support', 'choices': '1 2', 'resultVariable': 'supportChoice'}),
      gw('SupportChoice', default='S2'), block('Goodbye', 'hangup'), end, ev('SalesEnded', 'endEvent')],
      [('F1', 'CallReceived', 'MainMenu'), ('F2', 'MainMenu', 'MenuChoice'),
       ('F3', 'MenuChoice', 'Sales', '=menuChoice = "1"'), ('F4', 'MenuChoice', 'Support', '=menuChoice = "2"'),
       ('F5', 'Support', 'SupportChoice'), ('S1', 'SupportChoice', 'Goodbye', '=supportChoice = "1"'), ('S2', 'SupportChoice', 'Goodbye'),
       ('F6', 'Goodbye', 'CallEnded'), ('F7', 'Sales', 'SalesEnded')])
# 6. a message caught without correlation key, one with
write('message-correlation.bpmn', 'svi-fixture-message', [start, ev('WaitCallback', 'intermediateCatchEvent', msg='MsgNoKey'),
      ev('WaitAgent', 'intermediateCatchEvent', msg='MsgKey'), block('Goodbye', 'hangup'), end],
      [('F1', 'CallReceived', 'WaitCallback'), ('F2', 'WaitCallback', 'WaitAgent'), ('F3', 'WaitAgent', 'Goodbye'), ('F4', 'Goodbye', 'CallEnded')],
      messages=[{'id': 'MsgNoKey', 'name': 'callback-ready'}, {'id': 'MsgKey', 'name': 'agent-free', 'key': '=callId'}])
# 7. elements we do not run in an IVR flow
write('unsupported.bpmn', 'svi-fixture-unsupported', [start, el('AskAgent', 'userTask'), el('Decide', 'businessRuleTask'),
      el('OtherFlow', 'callActivity'), block('Goodbye', 'hangup'), end],
      [('F1', 'CallReceived', 'AskAgent'), ('F2', 'AskAgent', 'Decide'), ('F3', 'Decide', 'OtherFlow'),
       ('F4', 'OtherFlow', 'Goodbye'), ('F5', 'Goodbye', 'CallEnded')])
# 8. ends in silence: a play then the end; through a gateway; an error end is left out
write('ends-in-silence.bpmn', 'svi-fixture-silence', [start, block('Welcome', 'play', P('welcome')), gw('Split', tag='parallelGateway'),
      end, ev('Failed', 'endEvent', error=True), block('Goodbye', 'hangup'), ev('HungUp', 'endEvent')],
      [('F1', 'CallReceived', 'Welcome'), ('F2', 'Welcome', 'Split'), ('F3', 'Split', 'CallEnded'), ('F4', 'Split', 'Failed'),
       ('F5', 'Split', 'Goodbye'), ('F6', 'Goodbye', 'HungUp')])
# 9. an outbound journey: a user task is allowed there, job types are the journey's
write('outbound.bpmn', 'outbound-fixture', [ev('Start', 'startEvent'), block('Dial', None, jobtype='pbx.originate'),
      el('WrapUp', 'userTask'), block('Unknown', None, jobtype='pbx.dance'), ev('Done', 'endEvent')],
      [('F1', 'Start', 'Dial'), ('F2', 'Dial', 'WrapUp'), ('F3', 'WrapUp', 'Unknown'), ('F4', 'Unknown', 'Done')])

# 10. the 200-element IVR flow (benchmark and fixture): 20 rounds of menu → gateway → play/transfer, ...
nodes, flows = [start], []
prev = 'CallReceived'
fid = [0]
def f(a, b, cond=None):
    fid[0] += 1
    flows.append(('Flow_%d' % fid[0], a, b, cond))
for r in range(1, 41):
    m, g, p, t, e = 'Menu_%d' % r, 'Choice_%d' % r, 'Info_%d' % r, 'Transfer_%d' % r, 'TransferEnded_%d' % r
    nodes += [block(m, 'menu', {'prompt': 'menu-%d' % r, 'choices': '1,2,9'}), gw(g),
              block(p, 'play', P('info-%d' % r)), block(t, 'transfer', {'number': '10%02d' % r, 'trunk': 'main'}),
              ev(e, 'endEvent')]
    f(prev, m); f(m, g); f(g, p, '=menuChoice = "1"'); f(g, t, '=menuChoice = "2"'); f(g, p, '=menuChoice = "9"'); f(t, e)
    prev = p
nodes += [block('Goodbye', 'hangup'), end]
f(prev, 'Goodbye'); f('Goodbye', 'CallEnded')
write('ivr-200-elements.bpmn', 'svi-fixture-200', nodes, flows, cols=10)
print('200-element flow:', len(nodes), 'nodes', len(flows), 'flows', len(nodes) + len(flows), 'elements')
