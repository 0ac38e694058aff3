/**
 * Fluent's Spinner as the pane uses it (size tiny, label after): the same elements, classes, ARIA (a
 * progressbar named by its label) and CSS, the CSS as Fluent ships it precompiled
 * (@fluentui/react-spinner and react-label, useSpinnerStyles.styles.js, useLabelStyles.styles.js,
 * 9.x). Fluent's component brings every size, appearance and label position, and the Label
 * component, into the pane's first script, where it shows while the workbook is first read
 * (SPEC §10).
 */

import { __resetStyles, __styles, mergeClasses } from '@fluentui/react-components';
import { useId } from 'react';

const useRootBaseClassName = __resetStyles('rpp59a7', null, [
  '.rpp59a7{display:flex;align-items:center;justify-content:center;line-height:0;gap:8px;overflow:hidden;min-width:min-content;}',
]);
const useSpinnerBaseClassName = __resetStyles('rvgcg50', 'r15nd2jo', {
  r: [
    '.rvgcg50{position:relative;flex-shrink:0;-webkit-mask-image:radial-gradient(closest-side, transparent calc(100% - var(--fui-Spinner--strokeWidth) - 1px), white calc(100% - var(--fui-Spinner--strokeWidth)) calc(100% - 1px), transparent 100%);mask-image:radial-gradient(closest-side, transparent calc(100% - var(--fui-Spinner--strokeWidth) - 1px), white calc(100% - var(--fui-Spinner--strokeWidth)) calc(100% - 1px), transparent 100%);background-color:var(--colorBrandStroke2Contrast);color:var(--colorBrandStroke1);animation-duration:1.5s;animation-iteration-count:infinite;animation-timing-function:linear;animation-name:rb7n1on;}',
    '@keyframes rb7n1on{0%{transform:rotate(0deg);}100%{transform:rotate(360deg);}}',
    '.r15nd2jo{position:relative;flex-shrink:0;-webkit-mask-image:radial-gradient(closest-side, transparent calc(100% - var(--fui-Spinner--strokeWidth) - 1px), white calc(100% - var(--fui-Spinner--strokeWidth)) calc(100% - 1px), transparent 100%);mask-image:radial-gradient(closest-side, transparent calc(100% - var(--fui-Spinner--strokeWidth) - 1px), white calc(100% - var(--fui-Spinner--strokeWidth)) calc(100% - 1px), transparent 100%);background-color:var(--colorBrandStroke2Contrast);color:var(--colorBrandStroke1);animation-duration:1.5s;animation-iteration-count:infinite;animation-timing-function:linear;animation-name:r1gx3jof;}',
    '@keyframes r1gx3jof{0%{transform:rotate(0deg);}100%{transform:rotate(-360deg);}}',
  ],
  s: [
    '@media screen and (forced-colors: active){.rvgcg50{background-color:HighlightText;color:Highlight;forced-color-adjust:none;}}',
    '@media screen and (prefers-reduced-motion: reduce){.rvgcg50{animation-duration:1.8s;}}',
    '@media screen and (forced-colors: active){.r15nd2jo{background-color:HighlightText;color:Highlight;forced-color-adjust:none;}}',
    '@media screen and (prefers-reduced-motion: reduce){.r15nd2jo{animation-duration:1.8s;}}',
  ],
});
const useSpinnerTailBaseClassName = __resetStyles('rxov3xa', 'r1o544mv', {
  r: [
    '.rxov3xa{position:absolute;display:block;width:100%;height:100%;-webkit-mask-image:conic-gradient(transparent 105deg, white 105deg);mask-image:conic-gradient(transparent 105deg, white 105deg);animation-duration:1.5s;animation-iteration-count:infinite;animation-timing-function:var(--curveEasyEase);animation-name:r15mim6k;}',
    '.rxov3xa::before,.rxov3xa::after{content:"";position:absolute;display:block;width:100%;height:100%;animation:inherit;background-image:conic-gradient(currentcolor 135deg, transparent 135deg);}',
    '@keyframes r15mim6k{0%{transform:rotate(-135deg);}50%{transform:rotate(0deg);}100%{transform:rotate(225deg);}}',
    '.rxov3xa::before{animation-name:r18vhmn8;}',
    '@keyframes r18vhmn8{0%{transform:rotate(0deg);}50%{transform:rotate(105deg);}100%{transform:rotate(0deg);}}',
    '.rxov3xa::after{animation-name:rkgrvoi;}',
    '@keyframes rkgrvoi{0%{transform:rotate(0deg);}50%{transform:rotate(225deg);}100%{transform:rotate(0deg);}}',
    '.r1o544mv{position:absolute;display:block;width:100%;height:100%;-webkit-mask-image:conic-gradient(transparent 105deg, white 105deg);mask-image:conic-gradient(transparent 105deg, white 105deg);animation-duration:1.5s;animation-iteration-count:infinite;animation-timing-function:var(--curveEasyEase);animation-name:r109gmi5;}',
    '.r1o544mv::before,.r1o544mv::after{content:"";position:absolute;display:block;width:100%;height:100%;animation:inherit;background-image:conic-gradient(currentcolor 135deg, transparent 135deg);}',
    '@keyframes r109gmi5{0%{transform:rotate(135deg);}50%{transform:rotate(0deg);}100%{transform:rotate(-225deg);}}',
    '.r1o544mv::before{animation-name:r17whflh;}',
    '@keyframes r17whflh{0%{transform:rotate(0deg);}50%{transform:rotate(-105deg);}100%{transform:rotate(0deg);}}',
    '.r1o544mv::after{animation-name:re4odhl;}',
    '@keyframes re4odhl{0%{transform:rotate(0deg);}50%{transform:rotate(-225deg);}100%{transform:rotate(0deg);}}',
  ],
  s: [
    '@media screen and (prefers-reduced-motion: reduce){.rxov3xa{animation-iteration-count:0;background-image:conic-gradient(transparent 120deg, currentcolor 360deg);}.rxov3xa::before,.rxov3xa::after{content:none;}}',
    '@media screen and (prefers-reduced-motion: reduce){.r1o544mv{animation-iteration-count:0;background-image:conic-gradient(transparent 120deg, currentcolor 360deg);}.r1o544mv::before,.r1o544mv::after{content:none;}}',
  ],
});
/** Spinner `tiny`; Label `root` and `medium`; the Spinner's label, `tiny`. */
const useStyles = __styles(
  {
    tiny: { Bqenvij: 'fjamq6b', a9b677: 'f64fuq3', qmp6fs: 'f1v3ph3m' },
    labelRoot: { Bahqtrf: 'fk6fouc', sj55zd: 'f19n0e5' },
    labelMedium: { Be2twd7: 'fkhj508', Bg96gwp: 'f1i3iumi' },
    labelTiny: { Bahqtrf: 'fk6fouc', Be2twd7: 'fkhj508', Bhrd7zp: 'figsok6', Bg96gwp: 'f1i3iumi' },
  },
  {
    d: [
      '.fjamq6b{height:20px;}',
      '.f64fuq3{width:20px;}',
      '.f1v3ph3m{--fui-Spinner--strokeWidth:var(--strokeWidthThick);}',
      '.fk6fouc{font-family:var(--fontFamilyBase);}',
      '.f19n0e5{color:var(--colorNeutralForeground1);}',
      '.fkhj508{font-size:var(--fontSizeBase300);}',
      '.f1i3iumi{line-height:var(--lineHeightBase300);}',
      '.figsok6{font-weight:var(--fontWeightRegular);}',
    ],
  },
);

export function Spinner(props: { label: string }) {
  const id = useId();
  const styles = useStyles();
  return (
    <div
      role="progressbar"
      aria-labelledby={id}
      className={mergeClasses('fui-Spinner', useRootBaseClassName())}
    >
      <span className={mergeClasses('fui-Spinner__spinner', useSpinnerBaseClassName(), styles.tiny)}>
        <span className={mergeClasses('fui-Spinner__spinnerTail', useSpinnerTailBaseClassName())} />
      </span>
      <label
        id={id}
        // Merged in two steps as Fluent's Spinner and then its Label merge them.
        className={mergeClasses(
          'fui-Label',
          styles.labelRoot,
          styles.labelMedium,
          mergeClasses('fui-Spinner__label', styles.labelTiny),
        )}
      >
        {props.label}
      </label>
    </div>
  );
}
