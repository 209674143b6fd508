import './base.css';
import '../pages/console.css';
import { ConsolePage } from '../pages/ConsolePage';
import { mount } from './mount';

mount(<ConsolePage />);
