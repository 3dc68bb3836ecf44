declare module 'bpmn-js-properties-panel';
declare module '@camunda/linting';
declare module '@camunda/linting/modeler';
declare module 'bpmnlint/lib/resolver/static-resolver';
declare module 'zeebe-bpmn-moddle/resources/zeebe.json';
declare module 'dmn-js/lib/Viewer';
declare module 'dmn-js/lib/NavigatedViewer';
declare module 'bpmn-moddle';
