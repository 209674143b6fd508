import './base.css';
import '../pages/console.css';
import '../features/console-content/console-content.css';
import '../features/console-products/console-products.css';
import { ConsolePage } from '../pages/ConsolePage';
import { mount } from './mount';

mount(<ConsolePage />);
