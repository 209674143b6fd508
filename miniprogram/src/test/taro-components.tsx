import { createElement, type ReactNode } from 'react';

interface HostProps {
  id?: string;
  className?: string;
  children?: ReactNode;
  disabled?: boolean;
  openType?: string;
  src?: string;
  onClick?: () => void;
  onTap?: () => void;
}

/** Taro's host components as plain DOM elements, so tests see what a customer sees. */
function host(tag: 'div' | 'span' | 'button' | 'img') {
  return function TaroHost({ id, className, children, disabled, openType, src, onClick, onTap }: HostProps) {
    const props: Record<string, unknown> = { id, className, onClick: onClick ?? onTap };
    if (tag === 'button') Object.assign(props, { disabled, 'data-open-type': openType });
    if (tag === 'img') props.src = src;
    return createElement(tag, props, tag === 'img' ? undefined : children);
  };
}

export const View = host('div');
export const Text = host('span');
export const Button = host('button');
export const Image = host('img');
export const Swiper = host('div');
export const SwiperItem = host('div');
