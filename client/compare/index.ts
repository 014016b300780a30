/** The compare view: entry points for the router and the home page. */
export { renderCompareView, type CompareViewOptions } from './compare-view';
export { renderComparePicker } from './compare-picker';
export { renderCompareHome } from './compare-home';
