import './base.css';
import '../pages/demo.css';
import { DemoConsolePage } from '../pages/DemoConsolePage';
import { mount } from './mount';

mount(<DemoConsolePage />);
