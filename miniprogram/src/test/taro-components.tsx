import { createElement, type ReactNode } from 'react';

interface HostProps {
  className?: string;
  children?: ReactNode;
  disabled?: boolean;
  onClick?: () => void;
  onTap?: () => void;
}

/** Taro's host components as plain DOM elements, so tests see what a customer sees. */
function host(tag: 'div' | 'span' | 'button') {
  return function TaroHost({ className, children, disabled, onClick, onTap }: HostProps) {
    return createElement(tag, { className, disabled, onClick: onClick ?? onTap }, children);
  };
}

export const View = host('div');
export const Text = host('span');
export const Button = host('button');
